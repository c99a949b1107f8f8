# key: d816196b3fd8cbd42a6ebd28e92059ceff0ceee7a1528f73334f8140133f4215
# Generated from templates/monitoring_report.html.j2 by `python -m kaizen_guide.export.templating`: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'monitoring_report.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_title = resolve('title')
    l_0_company = resolve('company')
    l_0_css = resolve('css')
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
    l_0_chart_sales = resolve('chart_sales')
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
    l_0_ytd_label = resolve('ytd_label')
    l_0_lines = resolve('lines')
    l_0_band_note = resolve('band_note')
    l_0_monthly = resolve('monthly')
    l_0_cash_month = resolve('cash_month')
    l_0_cash_next = resolve('cash_next')
    l_0_flows = resolve('flows')
    l_0_chart_cash = resolve('chart_cash')
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
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<!DOCTYPE html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">\n<title>'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield ' — '
    yield escape((undefined(name='company') if l_0_company is missing else l_0_company))
    yield '</title>\n<style>'
    yield escape(t_1((undefined(name='css') if l_0_css is missing else l_0_css)))
    yield '\n@page { size: A4 portrait; margin: 12mm 11mm 14mm 11mm; }\n.chart { max-width: 720px; display: block; margin: 6px auto 10px; break-inside: avoid; }\n.band-miss { background: #fce4d6; }\n.band-watch { background: #fff8e1; }\n.figures { font-size: 9pt; }\n.figures td, .figures th { padding: 1px 4px; }\n.onepage { break-after: page; }\n.miss { border: 1px solid var(--line); border-radius: 4px; padding: 4px 10px; margin: 8px 0; break-inside: avoid-page; }\n.miss h3 { margin-top: 4px; }\nul.plain { margin: 2px 0 8px; padding-left: 1.4em; }\n.nowrap { white-space: nowrap; }\n</style>\n</head>\n<body>\n<header class="doc-header">\n  <h1>'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '</h1>\n  <p class="company">'
    yield escape((undefined(name='company') if l_0_company is missing else l_0_company))
    yield '</p>\n  <p class="meta">'
    yield escape((undefined(name='period_title') if l_0_period_title is missing else l_0_period_title))
    yield ' / '
    yield escape((undefined(name='span') if l_0_span is missing else l_0_span))
    yield ' ('
    yield escape((undefined(name='era_span') if l_0_era_span is missing else l_0_era_span))
    yield ') / 作成日 '
    yield escape((undefined(name='made_on') if l_0_made_on is missing else l_0_made_on))
    if (undefined(name='agency') if l_0_agency is missing else l_0_agency):
        pass
        yield ' / 支援機関 '
        yield escape((undefined(name='agency') if l_0_agency is missing else l_0_agency))
    yield '</p>\n  <p class="meta">報告先: '
    yield escape(((undefined(name='recipients') if l_0_recipients is missing else l_0_recipients) or '(未入力)'))
    yield ' / 金額の単位: 千円 / 実績のある月: '
    yield escape((undefined(name='covered') if l_0_covered is missing else l_0_covered))
    yield '</p>\n</header>\n<main>\n<section class="onepage">\n<h2>サマリー</h2>\n<h3>今期のポイント (良かった点)</h3>\n<ul class="plain">'
    for l_1_t in (undefined(name='highlights') if l_0_highlights is missing else l_0_highlights):
        _loop_vars = {}
        pass
        yield '<li>'
        yield escape(l_1_t)
        yield '</li>'
    l_1_t = missing
    yield '</ul>\n<h3>リスク・未達の点</h3>\n<ul class="plain">'
    for l_1_t in (undefined(name='risks') if l_0_risks is missing else l_0_risks):
        _loop_vars = {}
        pass
        yield '<li>'
        yield escape(l_1_t)
        yield '</li>'
    l_1_t = missing
    yield '</ul>\n<h3>来月の打ち手 (次月アクション)</h3>\n'
    if (undefined(name='moves') if l_0_moves is missing else l_0_moves):
        pass
        yield '<table class="list"><thead><tr><th>内容</th><th>担当</th><th>期限</th><th>確認できる目標</th></tr></thead><tbody>\n'
        for l_1_m in (undefined(name='moves') if l_0_moves is missing else l_0_moves):
            _loop_vars = {}
            pass
            yield '<tr><td class="text">'
            yield escape(environment.getattr(l_1_m, 'text'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_m, 'owner'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_m, 'due'))
            yield '</td><td class="text">'
            yield escape(environment.getattr(l_1_m, 'target'))
            yield '</td></tr>\n'
        l_1_m = missing
        yield '</tbody></table>\n'
    else:
        pass
        yield '<p>次月アクションはまだ決まっていません。</p>'
    yield escape((undefined(name='chart_sales') if l_0_chart_sales is missing else l_0_chart_sales))
    yield '\n</section>\n\n<section>\n<h2>① 概況 ('
    yield escape((undefined(name='part') if l_0_part is missing else l_0_part))
    yield 'と期首からの累計)</h2>\n<ul class="plain">'
    for l_1_t in (undefined(name='overview') if l_0_overview is missing else l_0_overview):
        _loop_vars = {}
        pass
        yield '<li>'
        yield escape(l_1_t)
        yield '</li>'
    l_1_t = missing
    yield '</ul>\n<table class="num figures">\n<thead><tr><th>項目</th><th>計画</th><th>実績</th><th>差異</th><th>達成率</th><th>判定</th><th>累計計画</th><th>累計実績</th><th>累計達成率</th></tr></thead>\n<tbody>\n'
    for l_1_r in (undefined(name='overview_rows') if l_0_overview_rows is missing else l_0_overview_rows):
        _loop_vars = {}
        pass
        yield '<tr><th class="label">'
        yield escape(environment.getattr(l_1_r, 'label'))
        yield '</th><td>'
        yield escape(environment.getattr(l_1_r, 'plan'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_r, 'actual'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_r, 'diff'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_r, 'rate'))
        yield '</td><td class="band-'
        yield escape(environment.getattr(l_1_r, 'band_key'))
        yield '">'
        yield escape(environment.getattr(l_1_r, 'band'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_r, 'cum_plan'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_r, 'cum_actual'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_r, 'cum_rate'))
        yield '</td></tr>\n'
    l_1_r = missing
    yield '</tbody></table>\n'
    if (undefined(name='amendments') if l_0_amendments is missing else l_0_amendments):
        pass
        yield '<h3>報告後の訂正 (前回までに報告した月の修正)</h3>\n<table class="list"><thead><tr><th>対象月</th><th>項目</th><th>訂正前</th><th>訂正後</th><th>訂正日時</th><th>訂正者</th><th>理由</th></tr></thead><tbody>\n'
        for l_1_a in (undefined(name='amendments') if l_0_amendments is missing else l_0_amendments):
            _loop_vars = {}
            pass
            yield '<tr><td>'
            yield escape(environment.getattr(l_1_a, 'month'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_a, 'what'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_a, 'before'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_a, 'after'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_a, 'when'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_a, 'by'))
            yield '</td><td class="text">'
            yield escape(environment.getattr(l_1_a, 'reason'))
            yield '</td></tr>\n'
        l_1_a = missing
        yield '</tbody></table>\n'
    yield '</section>\n\n<section>\n<h2>② アクションプラン取組状況 ('
    yield escape((undefined(name='board_month') if l_0_board_month is missing else l_0_board_month))
    yield '時点)</h2>\n<table class="list figures"><thead><tr><th>ID</th><th>実施項目</th><th>責任者</th><th>期間</th><th>状況</th><th>KPI (目標)</th><th>KPI実績</th><th>効果額 計画</th><th>効果額 実績</th><th>経過</th></tr></thead><tbody>\n'
    for l_1_b in (undefined(name='board') if l_0_board is missing else l_0_board):
        _loop_vars = {}
        pass
        yield '<tr><td>'
        yield escape(environment.getattr(l_1_b, 'id'))
        yield '</td><td class="text">'
        yield escape(environment.getattr(l_1_b, 'title'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_b, 'owner'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_b, 'span'))
        yield '</td><td class="nowrap '
        yield escape(('warn' if (environment.getattr(l_1_b, 'status_key') == 'delayed') else ''))
        yield '">'
        yield escape(environment.getattr(l_1_b, 'status'))
        yield '</td><td class="text">'
        yield escape(environment.getattr(l_1_b, 'kpi'))
        yield '</td><td class="amount">'
        yield escape(environment.getattr(l_1_b, 'kpi_actual'))
        yield '</td><td class="amount">'
        yield escape(environment.getattr(l_1_b, 'effect_plan'))
        yield '</td><td class="amount">'
        yield escape(environment.getattr(l_1_b, 'effect_actual'))
        yield '</td><td class="text">'
        yield escape(environment.getattr(l_1_b, 'note'))
        yield '</td></tr>\n'
    l_1_b = missing
    yield '</tbody></table>\n<h3>前回決めた次月アクションの確認</h3>\n'
    if (undefined(name='checks') if l_0_checks is missing else l_0_checks):
        pass
        yield '<table class="list"><thead><tr><th>決めた月</th><th>アクション</th><th>結果</th><th>実績・理由</th></tr></thead><tbody>\n'
        for l_1_c in (undefined(name='checks') if l_0_checks is missing else l_0_checks):
            _loop_vars = {}
            pass
            yield '<tr><td class="nowrap">'
            yield escape(environment.getattr(l_1_c, 'month'))
            yield '</td><td class="text">'
            yield escape(environment.getattr(l_1_c, 'text'))
            yield '</td><td class="nowrap">'
            yield escape(environment.getattr(l_1_c, 'status'))
            yield '</td><td class="text">'
            yield escape(environment.getattr(l_1_c, 'result'))
            yield '</td></tr>\n'
        l_1_c = missing
        yield '</tbody></table>\n'
    else:
        pass
        yield '<p>この期間に確認した次月アクションはありません。</p>'
    yield '</section>\n\n<section>\n<h2>③ 乖離の要因分析と今後の対策</h2>\n'
    t_2 = 1
    for l_1_m in (undefined(name='misses') if l_0_misses is missing else l_0_misses):
        _loop_vars = {}
        pass
        yield '<div class="miss">\n<h3>'
        yield escape(environment.getattr(l_1_m, 'label'))
        yield ': 計画 '
        yield escape(environment.getattr(l_1_m, 'plan'))
        yield ' / 実績 '
        yield escape(environment.getattr(l_1_m, 'actual'))
        yield ' / 差異 '
        yield escape(environment.getattr(l_1_m, 'diff'))
        yield '千円'
        if (environment.getattr(l_1_m, 'rate') != '—'):
            pass
            yield ' (達成率 '
            yield escape(environment.getattr(l_1_m, 'rate'))
            yield '、'
            yield escape(environment.getattr(l_1_m, 'band'))
            yield ')'
        if environment.getattr(l_1_m, 'months'):
            pass
            yield ' <small>未達の月: '
            yield escape(environment.getattr(l_1_m, 'months'))
            yield '</small>'
        yield '</h3>\n<h4>数字の内訳</h4>\n'
        t_3 = 1
        for l_2_t in environment.getattr(l_1_m, 'readings'):
            _loop_vars = {}
            pass
            yield '<p>'
            yield escape(l_2_t)
            yield '</p>'
            t_3 = 0
        l_2_t = missing
        if t_3:
            pass
            yield '<p>(内訳を計算できる実績がありません)</p>'
        yield '<h4>原因</h4>\n'
        t_4 = 1
        for l_2_c in environment.getattr(l_1_m, 'causes'):
            _loop_vars = {}
            pass
            yield '<p><span class="tag">'
            yield escape(environment.getattr(l_2_c, 'month'))
            yield '・'
            yield escape(environment.getattr(l_2_c, 'tag'))
            yield '</span> '
            yield escape(environment.getattr(l_2_c, 'text'))
            if environment.getattr(l_2_c, 'amount'):
                pass
                yield ' (影響額 '
                yield escape(environment.getattr(l_2_c, 'amount'))
                yield '千円)'
            yield '</p>'
            t_4 = 0
        l_2_c = missing
        if t_4:
            pass
            yield '<p class="warn">原因がまだ記入されていません。</p>'
        yield '<h4>今後の対策 (見直した改善策)</h4>\n'
        t_5 = 1
        for l_2_x in environment.getattr(l_1_m, 'measures'):
            _loop_vars = {}
            pass
            yield '<p>'
            yield escape(environment.getattr(l_2_x, 'text'))
            if environment.getattr(l_2_x, 'link'):
                pass
                yield ' <small>(関連: '
                yield escape(environment.getattr(l_2_x, 'link'))
                yield ')</small>'
            yield '</p>'
            t_5 = 0
        l_2_x = missing
        if t_5:
            pass
            yield '<p>(未記入)</p>'
        yield '<h4>次月アクション</h4>\n'
        if environment.getattr(l_1_m, 'actions'):
            pass
            yield '<ul class="plain">'
            for l_2_a in environment.getattr(l_1_m, 'actions'):
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(environment.getattr(l_2_a, 'text'))
                yield ' (担当: '
                yield escape(environment.getattr(l_2_a, 'owner'))
                yield '、期限: '
                yield escape(environment.getattr(l_2_a, 'due'))
                yield '、目標: '
                yield escape(environment.getattr(l_2_a, 'target'))
                yield ')</li>'
            l_2_a = missing
            yield '</ul>'
        else:
            pass
            yield '<p>(未記入)</p>'
        yield '</div>\n'
        t_2 = 0
    l_1_m = missing
    if t_2:
        pass
        yield '<p>この期間に計画を大きく下回った項目はありません。</p>\n'
    yield '</section>\n\n<section>\n<h2>④ 金融機関への継続支援依頼</h2>\n<p>'
    yield escape(((undefined(name='request_text') if l_0_request_text is missing else l_0_request_text) or '(依頼文が未入力です)'))
    yield '</p>\n'
    if (undefined(name='requests') if l_0_requests is missing else l_0_requests):
        pass
        yield '<table class="list figures"><thead><tr><th>金融機関</th><th>メイン</th><th>期首残高</th><th>約定返済 (年)</th><th>計画返済 (年)</th><th>軽減額</th><th>計画'
        yield escape((undefined(name='plan_year') if l_0_plan_year is missing else l_0_plan_year))
        yield '年目の依頼</th></tr></thead><tbody>\n'
        for l_1_q in (undefined(name='requests') if l_0_requests is missing else l_0_requests):
            _loop_vars = {}
            pass
            yield '<tr><td>'
            yield escape(environment.getattr(l_1_q, 'bank'))
            yield '</td><td>'
            yield escape(('○' if environment.getattr(l_1_q, 'main') else ''))
            yield '</td><td class="amount">'
            yield escape(environment.getattr(l_1_q, 'balance'))
            yield '</td><td class="amount">'
            yield escape(environment.getattr(l_1_q, 'contractual'))
            yield '</td><td class="amount">'
            yield escape(environment.getattr(l_1_q, 'planned'))
            yield '</td><td class="amount">'
            yield escape(environment.getattr(l_1_q, 'reduction'))
            yield '</td><td class="text">'
            yield escape(environment.getattr(l_1_q, 'text'))
            yield '</td></tr>\n'
        l_1_q = missing
        yield '</tbody></table>\n'
    yield '</section>\n\n<section class="page-break">\n<h2>計画実績対比表 ('
    yield escape((undefined(name='part') if l_0_part is missing else l_0_part))
    yield ': '
    yield escape((undefined(name='span') if l_0_span is missing else l_0_span))
    yield '、実績 '
    yield escape((undefined(name='covered') if l_0_covered is missing else l_0_covered))
    yield ')</h2>\n'
    if (undefined(name='versions') if l_0_versions is missing else l_0_versions):
        pass
        yield '<p>比較している計画: '
        yield escape(environment.getitem((undefined(name='versions') if l_0_versions is missing else l_0_versions), 1))
        if (undefined(name='original') if l_0_original is missing else l_0_original):
            pass
            yield ' (右の列は'
            yield escape(environment.getitem((undefined(name='versions') if l_0_versions is missing else l_0_versions), 0))
            yield 'との比較)'
        yield '</p>'
    yield '<table class="num figures">\n<thead><tr><th rowspan="2">項目</th><th colspan="5">'
    yield escape((undefined(name='part') if l_0_part is missing else l_0_part))
    yield '</th><th colspan="5">'
    yield escape((undefined(name='ytd_label') if l_0_ytd_label is missing else l_0_ytd_label))
    yield '</th>'
    if (undefined(name='original') if l_0_original is missing else l_0_original):
        pass
        yield '<th colspan="2">'
        yield escape(environment.getitem((undefined(name='versions') if l_0_versions is missing else l_0_versions), 0))
        yield '</th>'
    yield '</tr>\n<tr><th>計画</th><th>実績</th><th>差異</th><th>達成率</th><th>判定</th><th>計画</th><th>実績</th><th>差異</th><th>達成率</th><th>判定</th>'
    if (undefined(name='original') if l_0_original is missing else l_0_original):
        pass
        yield '<th>計画</th><th>達成率</th>'
    yield '</tr></thead>\n<tbody>\n'
    for l_1_r in (undefined(name='lines') if l_0_lines is missing else l_0_lines):
        _loop_vars = {}
        pass
        yield '<tr><th class="label">'
        yield escape(environment.getattr(l_1_r, 'label'))
        yield '</th><td>'
        yield escape(environment.getattr(l_1_r, 'plan'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_r, 'actual'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_r, 'diff'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_r, 'rate'))
        yield '</td><td class="band-'
        yield escape(environment.getattr(l_1_r, 'band_key'))
        yield '">'
        yield escape(environment.getattr(l_1_r, 'band'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_r, 'cum_plan'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_r, 'cum_actual'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_r, 'cum_diff'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_r, 'cum_rate'))
        yield '</td><td class="band-'
        yield escape(environment.getattr(l_1_r, 'cum_band_key'))
        yield '">'
        yield escape(environment.getattr(l_1_r, 'cum_band'))
        yield '</td>'
        if (undefined(name='original') if l_0_original is missing else l_0_original):
            pass
            yield '<td>'
            yield escape(environment.getattr(environment.getitem((undefined(name='original') if l_0_original is missing else l_0_original), environment.getattr(l_1_r, 'key')), 'plan'))
            yield '</td><td>'
            yield escape(environment.getattr(environment.getitem((undefined(name='original') if l_0_original is missing else l_0_original), environment.getattr(l_1_r, 'key')), 'rate'))
            yield '</td>'
        yield '</tr>\n'
    l_1_r = missing
    yield '</tbody></table>\n<p><small>'
    yield escape((undefined(name='band_note') if l_0_band_note is missing else l_0_band_note))
    yield '</small></p>\n<h3>月別の推移 (売上高・経常利益)</h3>\n<table class="num figures"><thead><tr><th>月</th><th>売上高 計画</th><th>売上高 実績</th><th>達成率</th><th>経常利益 計画</th><th>経常利益 実績</th></tr></thead><tbody>\n'
    for l_1_m in (undefined(name='monthly') if l_0_monthly is missing else l_0_monthly):
        _loop_vars = {}
        pass
        yield '<tr><th class="label">'
        yield escape(environment.getattr(l_1_m, 'month'))
        yield '</th><td>'
        yield escape(environment.getattr(l_1_m, 'plan'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_m, 'actual'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_m, 'rate'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_m, 'op_plan'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_m, 'op_actual'))
        yield '</td></tr>\n'
    l_1_m = missing
    yield '</tbody></table>\n</section>\n\n<section class="page-break">\n<h2>資金繰り ('
    yield escape((undefined(name='cash_month') if l_0_cash_month is missing else l_0_cash_month))
    yield 'の月実績・月予定と'
    yield escape((undefined(name='cash_next') if l_0_cash_next is missing else l_0_cash_next))
    yield 'の予定)</h2>\n<table class="num figures"><thead><tr><th>項目</th><th>月実績</th><th>月予定</th><th>差異</th><th>翌月予定</th><th>備考</th></tr></thead><tbody>\n'
    for l_1_f in (undefined(name='flows') if l_0_flows is missing else l_0_flows):
        _loop_vars = {}
        pass
        yield '<tr><th class="label">'
        yield escape(environment.getattr(l_1_f, 'label'))
        yield '</th><td>'
        yield escape(environment.getattr(l_1_f, 'actual'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_f, 'plan'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_f, 'diff'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_f, 'next'))
        yield '</td><td class="text">'
        yield escape(environment.getattr(l_1_f, 'note'))
        yield '</td></tr>\n'
    l_1_f = missing
    yield '</tbody></table>\n'
    yield escape((undefined(name='chart_cash') if l_0_chart_cash is missing else l_0_chart_cash))
    yield '\n'
    if (undefined(name='lowest') if l_0_lowest is missing else l_0_lowest):
        pass
        yield '<p>今の残高から計画どおりに推移すると、最も少なくなるのは'
        yield escape((undefined(name='lowest') if l_0_lowest is missing else l_0_lowest))
        if (undefined(name='short_by') if l_0_short_by is missing else l_0_short_by):
            pass
            yield '。最低限必要な手元資金 '
            yield escape((undefined(name='minimum') if l_0_minimum is missing else l_0_minimum))
            yield '千円 を '
            yield escape((undefined(name='short_by') if l_0_short_by is missing else l_0_short_by))
            yield '千円 下回ります'
        yield '。</p>'
    yield '<h3>今後の月 (月末現預金)</h3>\n<table class="num figures"><thead><tr><th>月</th><th>計画</th><th>見込み (実績から)</th></tr></thead><tbody>\n'
    for l_1_o in (undefined(name='outlook') if l_0_outlook is missing else l_0_outlook):
        _loop_vars = {}
        pass
        yield '<tr><th class="label">'
        yield escape(environment.getattr(l_1_o, 'month'))
        yield '</th><td>'
        yield escape(environment.getattr(l_1_o, 'plan'))
        yield '</td><td class="'
        yield escape(('neg' if environment.getattr(l_1_o, 'short') else ''))
        yield '">'
        yield escape(environment.getattr(l_1_o, 'projected'))
        yield '</td></tr>\n'
    l_1_o = missing
    yield '</tbody></table>\n<h3>銀行別残高と約定返済・計画返済 ('
    yield escape((undefined(name='part') if l_0_part is missing else l_0_part))
    yield ')</h3>\n<table class="num figures"><thead><tr><th>金融機関</th><th>計画残高 (期間末)</th><th>約定返済</th><th>計画返済 (支援後)</th><th>軽減額</th></tr></thead><tbody>\n'
    for l_1_b in (undefined(name='banks') if l_0_banks is missing else l_0_banks):
        _loop_vars = {}
        pass
        yield '<tr><th class="label">'
        yield escape(environment.getattr(l_1_b, 'bank'))
        yield escape((' (メイン)' if environment.getattr(l_1_b, 'main') else ''))
        yield '</th><td>'
        yield escape(environment.getattr(l_1_b, 'plan_balance'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_b, 'contractual'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_b, 'planned'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_b, 'reduction'))
        yield '</td></tr>\n'
    l_1_b = missing
    yield '<tr class="total"><th class="label">合計 (計画)</th><td>'
    yield escape(environment.getattr((undefined(name='bank_total') if l_0_bank_total is missing else l_0_bank_total), 'plan_balance'))
    yield '</td><td>'
    yield escape(environment.getattr((undefined(name='bank_total') if l_0_bank_total is missing else l_0_bank_total), 'contractual'))
    yield '</td><td>'
    yield escape(environment.getattr((undefined(name='bank_total') if l_0_bank_total is missing else l_0_bank_total), 'planned'))
    yield '</td><td>'
    yield escape(environment.getattr((undefined(name='bank_total') if l_0_bank_total is missing else l_0_bank_total), 'reduction'))
    yield '</td></tr>\n<tr><th class="label">実績 (合計)</th><td>'
    yield escape((undefined(name='actual_borrowings') if l_0_actual_borrowings is missing else l_0_actual_borrowings))
    yield '</td><td>—</td><td>'
    yield escape((undefined(name='actual_repaid') if l_0_actual_repaid is missing else l_0_actual_repaid))
    yield '</td><td></td></tr>\n</tbody></table>\n<p><small>実績返済は借入金残高の減少 ('
    yield escape((undefined(name='repaid_basis') if l_0_repaid_basis is missing else l_0_repaid_basis))
    yield ')。'
    for l_1_n in (undefined(name='cash_notes') if l_0_cash_notes is missing else l_0_cash_notes):
        _loop_vars = {}
        pass
        yield escape(l_1_n)
    l_1_n = missing
    yield '</small></p>\n</section>\n\n<section>\n<h2>注記</h2>\n<ul class="plain">'
    for l_1_n in (undefined(name='notes') if l_0_notes is missing else l_0_notes):
        _loop_vars = {}
        pass
        yield '<li>'
        yield escape(l_1_n)
        yield '</li>'
    l_1_n = missing
    yield '</ul>\n</section>\n</main>\n<footer class="doc-footer">'
    yield escape((undefined(name='company') if l_0_company is missing else l_0_company))
    yield ' / '
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield ' / kaizen-guide で作成</footer>\n</body>\n</html>\n'

blocks = {}
debug_info = '7=64&8=68&24=70&25=72&26=74&27=86&33=90&35=98&37=106&39=109&42=126&46=128&47=130&51=138&53=164&56=167&62=188&64=190&67=218&69=221&76=240&78=244&80=266&82=279&84=301&86=318&95=345&96=347&97=350&98=352&104=373&105=379&107=390&108=400&110=404&112=444&115=446&120=464&122=468&124=486&125=488&128=501&130=515&132=517&134=534&135=542&137=546&142=554&145=562'
