# key: f74a9bdb6b312f596d277ab323efefb0a7095c0ac6cc093f4c0293828f0846b1
# Generated from templates/monitoring_report.md.j2 by `python -m kaizen_guide.export.templating`: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'monitoring_report.md.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_title = resolve('title')
    l_0_company = resolve('company')
    l_0_period_title = resolve('period_title')
    l_0_span = resolve('span')
    l_0_era_span = resolve('era_span')
    l_0_made_on = resolve('made_on')
    l_0_agency = resolve('agency')
    l_0_recipients = resolve('recipients')
    l_0_covered = resolve('covered')
    l_0_highlights = resolve('highlights')
    l_0_risks = resolve('risks')
    l_0_moves = resolve('moves')
    l_0_part = resolve('part')
    l_0_overview = resolve('overview')
    l_0_overview_rows = resolve('overview_rows')
    l_0_amendments = resolve('amendments')
    l_0_board_month = resolve('board_month')
    l_0_board = resolve('board')
    l_0_checks = resolve('checks')
    l_0_misses = resolve('misses')
    l_0_request_text = resolve('request_text')
    l_0_requests = resolve('requests')
    l_0_plan_year = resolve('plan_year')
    l_0_versions = resolve('versions')
    l_0_original = resolve('original')
    l_0_lines = resolve('lines')
    l_0_band_note = resolve('band_note')
    l_0_monthly = resolve('monthly')
    l_0_cash_month = resolve('cash_month')
    l_0_cash_next = resolve('cash_next')
    l_0_flows = resolve('flows')
    l_0_lowest = resolve('lowest')
    l_0_short_by = resolve('short_by')
    l_0_minimum = resolve('minimum')
    l_0_outlook = resolve('outlook')
    l_0_banks = resolve('banks')
    l_0_bank_total = resolve('bank_total')
    l_0_actual_borrowings = resolve('actual_borrowings')
    l_0_actual_repaid = resolve('actual_repaid')
    l_0_repaid_basis = resolve('repaid_basis')
    l_0_cash_notes = resolve('cash_notes')
    l_0_notes = resolve('notes')
    try:
        t_1 = environment.filters['md_cell']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'md_cell' found.")
    try:
        t_2 = environment.filters['md_text']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'md_text' found.")
    pass
    yield '# '
    yield str(t_2((undefined(name='title') if l_0_title is missing else l_0_title)))
    yield '\n\n**'
    yield str(t_2((undefined(name='company') if l_0_company is missing else l_0_company)))
    yield '**  \n'
    yield str(t_2((undefined(name='period_title') if l_0_period_title is missing else l_0_period_title)))
    yield ' / '
    yield str((undefined(name='span') if l_0_span is missing else l_0_span))
    yield ' ('
    yield str((undefined(name='era_span') if l_0_era_span is missing else l_0_era_span))
    yield ') / 作成日 '
    yield str((undefined(name='made_on') if l_0_made_on is missing else l_0_made_on))
    if (undefined(name='agency') if l_0_agency is missing else l_0_agency):
        pass
        yield ' / 支援機関 '
        yield str(t_2((undefined(name='agency') if l_0_agency is missing else l_0_agency)))
    yield '  \n報告先: '
    yield str(t_2(((undefined(name='recipients') if l_0_recipients is missing else l_0_recipients) or '(未入力)')))
    yield ' / 金額の単位: 千円 / 実績のある月: '
    yield str((undefined(name='covered') if l_0_covered is missing else l_0_covered))
    yield '\n\n## サマリー\n\n### 今期のポイント (良かった点)\n\n'
    for l_1_t in (undefined(name='highlights') if l_0_highlights is missing else l_0_highlights):
        _loop_vars = {}
        pass
        yield '- '
        yield str(t_2(l_1_t))
        yield '\n'
    l_1_t = missing
    yield '\n### リスク・未達の点\n\n'
    for l_1_t in (undefined(name='risks') if l_0_risks is missing else l_0_risks):
        _loop_vars = {}
        pass
        yield '- '
        yield str(t_2(l_1_t))
        yield '\n'
    l_1_t = missing
    yield '\n### 来月の打ち手 (次月アクション)\n\n'
    if (undefined(name='moves') if l_0_moves is missing else l_0_moves):
        pass
        yield '| 内容 | 担当 | 期限 | 確認できる目標 |\n|---|---|---|---|\n'
        for l_1_m in (undefined(name='moves') if l_0_moves is missing else l_0_moves):
            _loop_vars = {}
            pass
            yield '| '
            yield str(t_1(environment.getattr(l_1_m, 'text')))
            yield ' | '
            yield str(t_1(environment.getattr(l_1_m, 'owner')))
            yield ' | '
            yield str(t_1(environment.getattr(l_1_m, 'due')))
            yield ' | '
            yield str(t_1(environment.getattr(l_1_m, 'target')))
            yield ' |\n'
        l_1_m = missing
    else:
        pass
        yield '次月アクションはまだ決まっていません。\n'
    yield '\n## ① 概況 ('
    yield str((undefined(name='part') if l_0_part is missing else l_0_part))
    yield 'と期首からの累計)\n\n'
    for l_1_t in (undefined(name='overview') if l_0_overview is missing else l_0_overview):
        _loop_vars = {}
        pass
        yield '- '
        yield str(t_2(l_1_t))
        yield '\n'
    l_1_t = missing
    yield '\n| 項目 | 計画 | 実績 | 差異 | 達成率 | 判定 | 累計計画 | 累計実績 | 累計達成率 |\n|---|---:|---:|---:|---:|---|---:|---:|---:|\n'
    for l_1_r in (undefined(name='overview_rows') if l_0_overview_rows is missing else l_0_overview_rows):
        _loop_vars = {}
        pass
        yield '| '
        yield str(environment.getattr(l_1_r, 'label'))
        yield ' | '
        yield str(environment.getattr(l_1_r, 'plan'))
        yield ' | '
        yield str(environment.getattr(l_1_r, 'actual'))
        yield ' | '
        yield str(environment.getattr(l_1_r, 'diff'))
        yield ' | '
        yield str(environment.getattr(l_1_r, 'rate'))
        yield ' | '
        yield str(environment.getattr(l_1_r, 'band'))
        yield ' | '
        yield str(environment.getattr(l_1_r, 'cum_plan'))
        yield ' | '
        yield str(environment.getattr(l_1_r, 'cum_actual'))
        yield ' | '
        yield str(environment.getattr(l_1_r, 'cum_rate'))
        yield ' |\n'
    l_1_r = missing
    if (undefined(name='amendments') if l_0_amendments is missing else l_0_amendments):
        pass
        yield '\n### 報告後の訂正 (前回までに報告した月の修正)\n\n| 対象月 | 項目 | 訂正前 | 訂正後 | 訂正日時 | 訂正者 | 理由 |\n|---|---|---|---|---|---|---|\n'
        for l_1_a in (undefined(name='amendments') if l_0_amendments is missing else l_0_amendments):
            _loop_vars = {}
            pass
            yield '| '
            yield str(environment.getattr(l_1_a, 'month'))
            yield ' | '
            yield str(t_1(environment.getattr(l_1_a, 'what')))
            yield ' | '
            yield str(t_1(environment.getattr(l_1_a, 'before')))
            yield ' | '
            yield str(t_1(environment.getattr(l_1_a, 'after')))
            yield ' | '
            yield str(t_1(environment.getattr(l_1_a, 'when')))
            yield ' | '
            yield str(t_1(environment.getattr(l_1_a, 'by')))
            yield ' | '
            yield str(t_1(environment.getattr(l_1_a, 'reason')))
            yield ' |\n'
        l_1_a = missing
    yield '\n## ② アクションプラン取組状況 ('
    yield str((undefined(name='board_month') if l_0_board_month is missing else l_0_board_month))
    yield '時点)\n\n| ID | 実施項目 | 責任者 | 期間 | 状況 | KPI (目標) | KPI実績 | 効果額 計画 | 効果額 実績 | 経過 |\n|---|---|---|---|---|---|---:|---:|---:|---|\n'
    for l_1_b in (undefined(name='board') if l_0_board is missing else l_0_board):
        _loop_vars = {}
        pass
        yield '| '
        yield str(t_1(environment.getattr(l_1_b, 'id')))
        yield ' | '
        yield str(t_1(environment.getattr(l_1_b, 'title')))
        yield ' | '
        yield str(t_1(environment.getattr(l_1_b, 'owner')))
        yield ' | '
        yield str(environment.getattr(l_1_b, 'span'))
        yield ' | '
        yield str(environment.getattr(l_1_b, 'status'))
        yield ' | '
        yield str(t_1(environment.getattr(l_1_b, 'kpi')))
        yield ' | '
        yield str(environment.getattr(l_1_b, 'kpi_actual'))
        yield ' | '
        yield str(environment.getattr(l_1_b, 'effect_plan'))
        yield ' | '
        yield str(environment.getattr(l_1_b, 'effect_actual'))
        yield ' | '
        yield str(t_1(environment.getattr(l_1_b, 'note')))
        yield ' |\n'
    l_1_b = missing
    yield '\n### 前回決めた次月アクションの確認\n\n'
    if (undefined(name='checks') if l_0_checks is missing else l_0_checks):
        pass
        yield '| 決めた月 | アクション | 結果 | 実績・理由 |\n|---|---|---|---|\n'
        for l_1_c in (undefined(name='checks') if l_0_checks is missing else l_0_checks):
            _loop_vars = {}
            pass
            yield '| '
            yield str(environment.getattr(l_1_c, 'month'))
            yield ' | '
            yield str(t_1(environment.getattr(l_1_c, 'text')))
            yield ' | '
            yield str(environment.getattr(l_1_c, 'status'))
            yield ' | '
            yield str(t_1(environment.getattr(l_1_c, 'result')))
            yield ' |\n'
        l_1_c = missing
    else:
        pass
        yield 'この期間に確認した次月アクションはありません。\n'
    yield '\n## ③ 乖離の要因分析と今後の対策\n\n'
    t_3 = 1
    for l_1_m in (undefined(name='misses') if l_0_misses is missing else l_0_misses):
        _loop_vars = {}
        pass
        yield '### '
        yield str(environment.getattr(l_1_m, 'label'))
        yield ': 計画 '
        yield str(environment.getattr(l_1_m, 'plan'))
        yield ' / 実績 '
        yield str(environment.getattr(l_1_m, 'actual'))
        yield ' / 差異 '
        yield str(environment.getattr(l_1_m, 'diff'))
        yield '千円'
        if (environment.getattr(l_1_m, 'rate') != '—'):
            pass
            yield ' (達成率 '
            yield str(environment.getattr(l_1_m, 'rate'))
            yield '、'
            yield str(environment.getattr(l_1_m, 'band'))
            yield ')'
        yield '\n'
        if environment.getattr(l_1_m, 'months'):
            pass
            yield '未達の月: '
            yield str(environment.getattr(l_1_m, 'months'))
            yield '\n\n'
        yield '**数字の内訳**\n\n'
        t_4 = 1
        for l_2_t in environment.getattr(l_1_m, 'readings'):
            _loop_vars = {}
            pass
            yield '- '
            yield str(t_2(l_2_t))
            yield '\n'
            t_4 = 0
        l_2_t = missing
        if t_4:
            pass
            yield '- (内訳を計算できる実績がありません)\n'
        yield '\n**原因**\n\n'
        t_5 = 1
        for l_2_c in environment.getattr(l_1_m, 'causes'):
            _loop_vars = {}
            pass
            yield '- ['
            yield str(environment.getattr(l_2_c, 'month'))
            yield '・'
            yield str(environment.getattr(l_2_c, 'tag'))
            yield '] '
            yield str(t_2(environment.getattr(l_2_c, 'text')))
            if environment.getattr(l_2_c, 'amount'):
                pass
                yield ' (影響額 '
                yield str(environment.getattr(l_2_c, 'amount'))
                yield '千円)'
            yield '\n'
            t_5 = 0
        l_2_c = missing
        if t_5:
            pass
            yield '- 原因がまだ記入されていません。\n'
        yield '\n**今後の対策 (見直した改善策)**\n\n'
        t_6 = 1
        for l_2_x in environment.getattr(l_1_m, 'measures'):
            _loop_vars = {}
            pass
            yield '- '
            yield str(t_2(environment.getattr(l_2_x, 'text')))
            if environment.getattr(l_2_x, 'link'):
                pass
                yield ' (関連: '
                yield str(t_2(environment.getattr(l_2_x, 'link')))
                yield ')'
            yield '\n'
            t_6 = 0
        l_2_x = missing
        if t_6:
            pass
            yield '- (未記入)\n'
        yield '\n**次月アクション**\n\n'
        t_7 = 1
        for l_2_a in environment.getattr(l_1_m, 'actions'):
            _loop_vars = {}
            pass
            yield '- '
            yield str(t_2(environment.getattr(l_2_a, 'text')))
            yield ' (担当: '
            yield str(t_2(environment.getattr(l_2_a, 'owner')))
            yield '、期限: '
            yield str(environment.getattr(l_2_a, 'due'))
            yield '、目標: '
            yield str(t_2(environment.getattr(l_2_a, 'target')))
            yield ')\n'
            t_7 = 0
        l_2_a = missing
        if t_7:
            pass
            yield '- (未記入)\n'
        yield '\n'
        t_3 = 0
    l_1_m = missing
    if t_3:
        pass
        yield 'この期間に計画を大きく下回った項目はありません。\n'
    yield '\n## ④ 金融機関への継続支援依頼\n\n'
    yield str(t_2(((undefined(name='request_text') if l_0_request_text is missing else l_0_request_text) or '(依頼文が未入力です)')))
    yield '\n\n'
    if (undefined(name='requests') if l_0_requests is missing else l_0_requests):
        pass
        yield '| 金融機関 | メイン | 期首残高 | 約定返済 (年) | 計画返済 (年) | 軽減額 | 計画'
        yield str((undefined(name='plan_year') if l_0_plan_year is missing else l_0_plan_year))
        yield '年目の依頼 |\n|---|---|---:|---:|---:|---:|---|\n'
        for l_1_q in (undefined(name='requests') if l_0_requests is missing else l_0_requests):
            _loop_vars = {}
            pass
            yield '| '
            yield str(t_1(environment.getattr(l_1_q, 'bank')))
            yield ' | '
            yield str(('○' if environment.getattr(l_1_q, 'main') else ''))
            yield ' | '
            yield str(environment.getattr(l_1_q, 'balance'))
            yield ' | '
            yield str(environment.getattr(l_1_q, 'contractual'))
            yield ' | '
            yield str(environment.getattr(l_1_q, 'planned'))
            yield ' | '
            yield str(environment.getattr(l_1_q, 'reduction'))
            yield ' | '
            yield str(t_1(environment.getattr(l_1_q, 'text')))
            yield ' |\n'
        l_1_q = missing
    yield '\n## 計画実績対比表 ('
    yield str((undefined(name='part') if l_0_part is missing else l_0_part))
    yield ': '
    yield str((undefined(name='span') if l_0_span is missing else l_0_span))
    yield '、実績 '
    yield str((undefined(name='covered') if l_0_covered is missing else l_0_covered))
    yield ')\n\n'
    if (undefined(name='versions') if l_0_versions is missing else l_0_versions):
        pass
        yield '比較している計画: '
        yield str(environment.getitem((undefined(name='versions') if l_0_versions is missing else l_0_versions), 1))
        if (undefined(name='original') if l_0_original is missing else l_0_original):
            pass
            yield ' (右の2列は'
            yield str(environment.getitem((undefined(name='versions') if l_0_versions is missing else l_0_versions), 0))
            yield 'との比較)'
        yield '\n'
    yield '| 項目 | 計画 | 実績 | 差異 | 達成率 | 判定 | 累計計画 | 累計実績 | 累計差異 | 累計達成率 | 累計判定 |'
    if (undefined(name='original') if l_0_original is missing else l_0_original):
        pass
        yield ' '
        yield str(environment.getitem((undefined(name='versions') if l_0_versions is missing else l_0_versions), 0))
        yield ' | '
        yield str(environment.getitem((undefined(name='versions') if l_0_versions is missing else l_0_versions), 0))
        yield '比 |'
    yield '\n|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---|'
    if (undefined(name='original') if l_0_original is missing else l_0_original):
        pass
        yield '---:|---:|'
    yield '\n'
    for l_1_r in (undefined(name='lines') if l_0_lines is missing else l_0_lines):
        _loop_vars = {}
        pass
        yield '| '
        yield str(environment.getattr(l_1_r, 'label'))
        yield ' | '
        yield str(environment.getattr(l_1_r, 'plan'))
        yield ' | '
        yield str(environment.getattr(l_1_r, 'actual'))
        yield ' | '
        yield str(environment.getattr(l_1_r, 'diff'))
        yield ' | '
        yield str(environment.getattr(l_1_r, 'rate'))
        yield ' | '
        yield str(environment.getattr(l_1_r, 'band'))
        yield ' | '
        yield str(environment.getattr(l_1_r, 'cum_plan'))
        yield ' | '
        yield str(environment.getattr(l_1_r, 'cum_actual'))
        yield ' | '
        yield str(environment.getattr(l_1_r, 'cum_diff'))
        yield ' | '
        yield str(environment.getattr(l_1_r, 'cum_rate'))
        yield ' | '
        yield str(environment.getattr(l_1_r, 'cum_band'))
        yield ' |'
        if (undefined(name='original') if l_0_original is missing else l_0_original):
            pass
            yield ' '
            yield str(environment.getattr(environment.getitem((undefined(name='original') if l_0_original is missing else l_0_original), environment.getattr(l_1_r, 'key')), 'plan'))
            yield ' | '
            yield str(environment.getattr(environment.getitem((undefined(name='original') if l_0_original is missing else l_0_original), environment.getattr(l_1_r, 'key')), 'rate'))
            yield ' |'
        yield '\n'
    l_1_r = missing
    yield '\n'
    yield str((undefined(name='band_note') if l_0_band_note is missing else l_0_band_note))
    yield '\n\n### 月別の推移 (売上高・経常利益)\n\n| 月 | 売上高 計画 | 売上高 実績 | 達成率 | 経常利益 計画 | 経常利益 実績 |\n|---|---:|---:|---:|---:|---:|\n'
    for l_1_m in (undefined(name='monthly') if l_0_monthly is missing else l_0_monthly):
        _loop_vars = {}
        pass
        yield '| '
        yield str(environment.getattr(l_1_m, 'month'))
        yield ' | '
        yield str(environment.getattr(l_1_m, 'plan'))
        yield ' | '
        yield str(environment.getattr(l_1_m, 'actual'))
        yield ' | '
        yield str(environment.getattr(l_1_m, 'rate'))
        yield ' | '
        yield str(environment.getattr(l_1_m, 'op_plan'))
        yield ' | '
        yield str(environment.getattr(l_1_m, 'op_actual'))
        yield ' |\n'
    l_1_m = missing
    yield '\n## 資金繰り ('
    yield str((undefined(name='cash_month') if l_0_cash_month is missing else l_0_cash_month))
    yield 'の月実績・月予定と'
    yield str((undefined(name='cash_next') if l_0_cash_next is missing else l_0_cash_next))
    yield 'の予定)\n\n| 項目 | 月実績 | 月予定 | 差異 | 翌月予定 | 備考 |\n|---|---:|---:|---:|---:|---|\n'
    for l_1_f in (undefined(name='flows') if l_0_flows is missing else l_0_flows):
        _loop_vars = {}
        pass
        yield '| '
        yield str(environment.getattr(l_1_f, 'label'))
        yield ' | '
        yield str(environment.getattr(l_1_f, 'actual'))
        yield ' | '
        yield str(environment.getattr(l_1_f, 'plan'))
        yield ' | '
        yield str(environment.getattr(l_1_f, 'diff'))
        yield ' | '
        yield str(environment.getattr(l_1_f, 'next'))
        yield ' | '
        yield str(environment.getattr(l_1_f, 'note'))
        yield ' |\n'
    l_1_f = missing
    yield '\n'
    if (undefined(name='lowest') if l_0_lowest is missing else l_0_lowest):
        pass
        yield '今の残高から計画どおりに推移すると、最も少なくなるのは'
        yield str((undefined(name='lowest') if l_0_lowest is missing else l_0_lowest))
        if (undefined(name='short_by') if l_0_short_by is missing else l_0_short_by):
            pass
            yield '。最低限必要な手元資金 '
            yield str((undefined(name='minimum') if l_0_minimum is missing else l_0_minimum))
            yield '千円 を '
            yield str((undefined(name='short_by') if l_0_short_by is missing else l_0_short_by))
            yield '千円 下回ります'
        yield '。\n'
    yield '\n| 月 | 月末現預金 計画 | 見込み (実績から) |\n|---|---:|---:|\n'
    for l_1_o in (undefined(name='outlook') if l_0_outlook is missing else l_0_outlook):
        _loop_vars = {}
        pass
        yield '| '
        yield str(environment.getattr(l_1_o, 'month'))
        yield ' | '
        yield str(environment.getattr(l_1_o, 'plan'))
        yield ' | '
        yield str(environment.getattr(l_1_o, 'projected'))
        yield ' |\n'
    l_1_o = missing
    yield '\n### 銀行別残高と約定返済・計画返済 ('
    yield str((undefined(name='part') if l_0_part is missing else l_0_part))
    yield ')\n\n| 金融機関 | 計画残高 (期間末) | 約定返済 | 計画返済 (支援後) | 軽減額 |\n|---|---:|---:|---:|---:|\n'
    for l_1_b in (undefined(name='banks') if l_0_banks is missing else l_0_banks):
        _loop_vars = {}
        pass
        yield '| '
        yield str(t_1(environment.getattr(l_1_b, 'bank')))
        yield str((' (メイン)' if environment.getattr(l_1_b, 'main') else ''))
        yield ' | '
        yield str(environment.getattr(l_1_b, 'plan_balance'))
        yield ' | '
        yield str(environment.getattr(l_1_b, 'contractual'))
        yield ' | '
        yield str(environment.getattr(l_1_b, 'planned'))
        yield ' | '
        yield str(environment.getattr(l_1_b, 'reduction'))
        yield ' |\n'
    l_1_b = missing
    yield '| **合計 (計画)** | '
    yield str(environment.getattr((undefined(name='bank_total') if l_0_bank_total is missing else l_0_bank_total), 'plan_balance'))
    yield ' | '
    yield str(environment.getattr((undefined(name='bank_total') if l_0_bank_total is missing else l_0_bank_total), 'contractual'))
    yield ' | '
    yield str(environment.getattr((undefined(name='bank_total') if l_0_bank_total is missing else l_0_bank_total), 'planned'))
    yield ' | '
    yield str(environment.getattr((undefined(name='bank_total') if l_0_bank_total is missing else l_0_bank_total), 'reduction'))
    yield ' |\n| 実績 (合計) | '
    yield str((undefined(name='actual_borrowings') if l_0_actual_borrowings is missing else l_0_actual_borrowings))
    yield ' | — | '
    yield str((undefined(name='actual_repaid') if l_0_actual_repaid is missing else l_0_actual_repaid))
    yield ' | |\n\n実績返済は借入金残高の減少 ('
    yield str((undefined(name='repaid_basis') if l_0_repaid_basis is missing else l_0_repaid_basis))
    yield ')。'
    for l_1_n in (undefined(name='cash_notes') if l_0_cash_notes is missing else l_0_cash_notes):
        _loop_vars = {}
        pass
        yield str(l_1_n)
    l_1_n = missing
    yield '\n\n## 注記\n\n'
    for l_1_n in (undefined(name='notes') if l_0_notes is missing else l_0_notes):
        _loop_vars = {}
        pass
        yield '- '
        yield str(t_2(l_1_n))
        yield '\n'
    l_1_n = missing

blocks = {}
debug_info = '2=66&4=68&5=70&6=82&12=86&13=90&18=94&19=98&24=102&27=105&28=109&34=122&36=124&37=128&42=132&43=136&45=155&51=158&52=162&56=178&60=180&61=184&66=206&69=209&70=213&78=227&79=231&81=247&86=254&87=258&94=267&95=271&103=289&104=293&112=307&113=311&124=331&126=333&127=336&129=338&130=342&134=358&136=364&137=367&140=375&142=383&144=387&145=391&149=423&155=425&156=429&159=443&163=447&164=451&167=465&168=468&173=478&174=482&177=490&181=492&182=496&184=509&185=517&187=521&192=529&193=533'
