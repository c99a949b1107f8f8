# key: c3b78840ebe9ac76d689f67a66fc469cd20e0f5a0f1553995caf8e119de0f6fa
# Generated from templates/plan_report.md.j2 by `python -m kaizen_guide.export.templating`: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'plan_report.md.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_title = resolve('title')
    l_0_company = resolve('company')
    l_0_created = resolve('created')
    l_0_meta = resolve('meta')
    l_0_overview = resolve('overview')
    l_0_causes = resolve('causes')
    l_0_basic_policy = resolve('basic_policy')
    l_0_chain = resolve('chain')
    l_0_unlinked_actions = resolve('unlinked_actions')
    l_0_plan_years = resolve('plan_years')
    l_0_first_plan_year_label = resolve('first_plan_year_label')
    l_0_tables = resolve('tables')
    l_0_metrics = resolve('metrics')
    l_0_definitions = resolve('definitions')
    l_0_targets = resolve('targets')
    l_0_targets_summary = resolve('targets_summary')
    l_0_goals = resolve('goals')
    l_0_monthly = resolve('monthly')
    l_0_stress = resolve('stress')
    l_0_support = resolve('support')
    l_0_allocation = resolve('allocation')
    l_0_monitoring = resolve('monitoring')
    l_0_notes = resolve('notes')
    l_0_findings = resolve('findings')
    l_0_finding_groups = resolve('finding_groups')
    l_0_summary = resolve('summary')
    l_0_md_table = l_0_md_findings = missing
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
    included_template = environment.get_template('_macros.j2', 'plan_report.md.j2')._get_default_module(context)
    l_0_md_table = getattr(included_template, 'md_table', missing)
    if l_0_md_table is missing:
        l_0_md_table = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'plan_report.md.j2') does not export the requested name 'md_table'", name='md_table')
    l_0_md_findings = getattr(included_template, 'md_findings', missing)
    if l_0_md_findings is missing:
        l_0_md_findings = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'plan_report.md.j2') does not export the requested name 'md_findings'", name='md_findings')
    context.vars.update({'md_table': l_0_md_table, 'md_findings': l_0_md_findings})
    context.exported_vars.difference_update(('md_table', 'md_findings'))
    yield '# '
    yield str(t_1((undefined(name='title') if l_0_title is missing else l_0_title)))
    yield ' — '
    yield str(t_1((undefined(name='company') if l_0_company is missing else l_0_company)))
    yield '\n\n作成日: '
    yield str((undefined(name='created') if l_0_created is missing else l_0_created))
    if environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'support_agency'):
        pass
        yield ' / 認定支援機関: '
        yield str(t_1(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'support_agency')))
    yield '\n\n## 1. 会社概要\n\n| 項目 | 内容 |\n|---|---|\n'
    for (l_1_label, l_1_value) in (undefined(name='overview') if l_0_overview is missing else l_0_overview):
        _loop_vars = {}
        pass
        yield '| '
        yield str(l_1_label)
        yield ' | '
        yield str(t_1(l_1_value))
        yield ' |\n'
    l_1_label = l_1_value = missing
    yield '\n## 2. 窮境要因\n\n'
    if (undefined(name='causes') if l_0_causes is missing else l_0_causes):
        pass
        yield '| ID | 区分 | 内容 | 影響額 (千円/年) |\n|---|---|---|---:|\n'
        for l_1_c in (undefined(name='causes') if l_0_causes is missing else l_0_causes):
            _loop_vars = {}
            pass
            yield '| '
            yield str(t_1(environment.getattr(l_1_c, 'id')))
            yield ' | '
            yield str(environment.getattr(l_1_c, 'kind'))
            yield ' | '
            yield str(t_1(environment.getattr(l_1_c, 'description')))
            yield ' | '
            yield str(environment.getattr(l_1_c, 'impact'))
            yield ' |\n'
        l_1_c = missing
    else:
        pass
        yield '窮境要因が未入力です。\n'
    yield '\n## 3. 課題 → 対策 → アクション\n\n'
    if (undefined(name='basic_policy') if l_0_basic_policy is missing else l_0_basic_policy):
        pass
        yield '**基本方針**: '
        yield str(t_2((undefined(name='basic_policy') if l_0_basic_policy is missing else l_0_basic_policy)))
        yield '\n\n'
    l_1_loop = missing
    t_3 = 1
    for l_1_issue, l_1_loop in LoopContext((undefined(name='chain') if l_0_chain is missing else l_0_chain), undefined):
        _loop_vars = {}
        pass
        yield '### 課題 '
        yield str(t_1(environment.getattr(l_1_issue, 'id')))
        yield ': '
        yield str(t_1(environment.getattr(l_1_issue, 'title')))
        yield '\n\n'
        if environment.getattr(l_1_issue, 'description'):
            pass
            yield str(t_2(environment.getattr(l_1_issue, 'description')))
            yield '\n\n'
        if environment.getattr(l_1_issue, 'causes'):
            pass
            yield '- 窮境要因: '
            l_2_loop = missing
            for l_2_c, l_2_loop in LoopContext(environment.getattr(l_1_issue, 'causes'), undefined):
                _loop_vars = {}
                pass
                yield str(t_1(environment.getattr(l_2_c, 'id')))
                yield ' '
                yield str(t_1(environment.getattr(l_2_c, 'description')))
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield ' / '
            l_2_loop = l_2_c = missing
            yield '\n'
        t_4 = 1
        for l_2_m in environment.getattr(l_1_issue, 'measures'):
            _loop_vars = {}
            pass
            yield '- **対策 '
            yield str(t_1(environment.getattr(l_2_m, 'id')))
            yield ' '
            yield str(t_1(environment.getattr(l_2_m, 'title')))
            yield '** ('
            yield str(environment.getattr(l_2_m, 'category'))
            yield ')'
            if environment.getattr(l_2_m, 'description'):
                pass
                yield ': '
                yield str(t_1(environment.getattr(l_2_m, 'description')))
            yield '\n'
            t_5 = 1
            for l_3_a in environment.getattr(l_2_m, 'actions'):
                _loop_vars = {}
                pass
                yield '  - アクション '
                yield str(t_1(environment.getattr(l_3_a, 'id')))
                yield ' '
                yield str(t_1(environment.getattr(l_3_a, 'title')))
                yield ' — 責任者 '
                yield str(t_1(environment.getattr(l_3_a, 'owner')))
                yield ', '
                yield str(environment.getattr(l_3_a, 'start'))
                yield '〜'
                yield str(environment.getattr(l_3_a, 'due'))
                if environment.getattr(l_3_a, 'kpi'):
                    pass
                    yield ', KPI '
                    yield str(t_1(environment.getattr(l_3_a, 'kpi')))
                yield ', 効果 '
                yield str(environment.getattr(l_3_a, 'line'))
                yield ' 年'
                yield str(environment.getattr(l_3_a, 'effect'))
                yield '千円\n'
                t_5 = 0
            l_3_a = missing
            if t_5:
                pass
                yield '  - (アクションが未設定です)\n'
            t_4 = 0
        l_2_m = missing
        if t_4:
            pass
            yield '- (対策が未設定です)\n'
        yield '\n'
        t_3 = 0
    l_1_loop = l_1_issue = missing
    if t_3:
        pass
        yield '経営課題が未入力です。\n'
    if (undefined(name='unlinked_actions') if l_0_unlinked_actions is missing else l_0_unlinked_actions):
        pass
        yield '対策に結びついていないアクション: '
        l_1_loop = missing
        for l_1_a, l_1_loop in LoopContext((undefined(name='unlinked_actions') if l_0_unlinked_actions is missing else l_0_unlinked_actions), undefined):
            _loop_vars = {}
            pass
            yield str(t_1(environment.getattr(l_1_a, 'id')))
            yield ' '
            yield str(t_1(environment.getattr(l_1_a, 'title')))
            if (not environment.getattr(l_1_loop, 'last')):
                pass
                yield '、'
        l_1_loop = l_1_a = missing
        yield '\n'
    yield '## 4. 数値計画\n\n計画期間 '
    yield str((undefined(name='plan_years') if l_0_plan_years is missing else l_0_plan_years))
    yield '年'
    if (undefined(name='first_plan_year_label') if l_0_first_plan_year_label is missing else l_0_first_plan_year_label):
        pass
        yield ' (計画1年目: '
        yield str(t_1((undefined(name='first_plan_year_label') if l_0_first_plan_year_label is missing else l_0_first_plan_year_label)))
        yield ')'
    yield '。\n\n'
    for l_1_t in (undefined(name='tables') if l_0_tables is missing else l_0_tables):
        _loop_vars = {}
        pass
        yield str(context.call((undefined(name='md_table') if l_0_md_table is missing else l_0_md_table), l_1_t, _loop_vars=_loop_vars))
        yield '\n\n'
    l_1_t = missing
    yield '## 5. 金融機関が見る指標と改善目標\n\n'
    yield str(context.call((undefined(name='md_table') if l_0_md_table is missing else l_0_md_table), (undefined(name='metrics') if l_0_metrics is missing else l_0_metrics)))
    yield '\n\n指標の定義:\n\n- '
    yield str(t_1(environment.getattr((undefined(name='definitions') if l_0_definitions is missing else l_0_definitions), 'debt_years')))
    yield '\n- '
    yield str(t_1(environment.getattr((undefined(name='definitions') if l_0_definitions is missing else l_0_definitions), 'gross_debt_years')))
    yield '\n- '
    yield str(t_1(environment.getattr((undefined(name='definitions') if l_0_definitions is missing else l_0_definitions), 'real_net_assets')))
    yield '\n- '
    yield str(t_1(environment.getattr((undefined(name='definitions') if l_0_definitions is missing else l_0_definitions), 'profit_year')))
    yield '\n- '
    yield str(t_1(environment.getattr((undefined(name='definitions') if l_0_definitions is missing else l_0_definitions), 'solvency_year')))
    yield '\n\n| 目標 | 目標値 | 計画上の見込み | 判定 |\n|---|---|---|---|\n'
    for l_1_t in (undefined(name='targets') if l_0_targets is missing else l_0_targets):
        _loop_vars = {}
        pass
        yield '| '
        yield str(t_1(environment.getattr(l_1_t, 'item')))
        yield ' | '
        yield str(t_1(environment.getattr(l_1_t, 'target')))
        yield ' | '
        yield str(t_1(environment.getattr(l_1_t, 'result')))
        yield ' | '
        yield str(environment.getattr(l_1_t, 'verdict'))
        yield ' |\n'
    l_1_t = missing
    yield '\n**'
    yield str((undefined(name='targets_summary') if l_0_targets_summary is missing else l_0_targets_summary))
    yield '**\n\n'
    if (undefined(name='goals') if l_0_goals is missing else l_0_goals):
        pass
        yield str(t_2((undefined(name='goals') if l_0_goals is missing else l_0_goals)))
        yield '\n\n'
    yield '月次資金繰り (計画1年目): 最低残高 '
    yield str(t_1(environment.getattr((undefined(name='monthly') if l_0_monthly is missing else l_0_monthly), 'lowest')))
    yield ' '
    yield str(environment.getattr((undefined(name='monthly') if l_0_monthly is missing else l_0_monthly), 'lowest_balance'))
    yield '千円 (最低限必要な手元資金 '
    yield str(environment.getattr((undefined(name='monthly') if l_0_monthly is missing else l_0_monthly), 'minimum'))
    yield '千円)'
    if environment.getattr((undefined(name='monthly') if l_0_monthly is missing else l_0_monthly), 'negative'):
        pass
        yield '。**資金ショートする月があります。**'
    else:
        pass
        yield '。'
    yield '\n\n### ストレステスト\n\n'
    yield str(t_1(environment.getattr((undefined(name='definitions') if l_0_definitions is missing else l_0_definitions), 'stress')))
    yield '\n\n'
    for l_1_t in environment.getattr((undefined(name='stress') if l_0_stress is missing else l_0_stress), 'tables'):
        _loop_vars = {}
        pass
        yield str(context.call((undefined(name='md_table') if l_0_md_table is missing else l_0_md_table), l_1_t, _loop_vars=_loop_vars))
        yield '\n\n'
        yield str(t_1(environment.getattr(l_1_t, 'verdict')))
        yield '\n\n'
    l_1_t = missing
    yield '**'
    yield str(t_1(environment.getattr((undefined(name='stress') if l_0_stress is missing else l_0_stress), 'verdict')))
    yield '**\n\n## 6. 金融支援の依頼\n\n'
    if environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'needed'):
        pass
        yield '- 種類: '
        yield str(t_1((environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'types') or '(未選択)')))
        yield '\n- 開始・期間: '
        yield str(t_1((environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'start') or '未定')))
        yield ' から '
        yield str(environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'period_months'))
        yield 'か月'
        if environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'end'):
            pass
            yield ' ('
            yield str(environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'end'))
            yield 'まで)'
        yield '\n- 期間後の返済: '
        yield str(t_1(environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'after')))
        yield '\n- 配分基準: '
        yield str(t_1(environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'basis')))
        yield ' / 返済に充てる簡易CFの割合: '
        yield str(environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'share'))
        if environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'guaranteed_on_contract'):
            pass
            yield ' / 保証協会付借入は約定どおり返済'
        yield '\n- 支援額 (約定との差、計画期間合計): '
        yield str(environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'request_total'))
        yield '千円\n\n'
        if environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'request'):
            pass
            yield '**依頼内容**: '
            yield str(t_2(environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'request')))
            yield '\n\n'
        if environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'reasons'):
            pass
            yield '**理由**: '
            yield str(t_2(environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'reasons')))
            yield '\n\n'
    else:
        pass
        yield '金融支援は依頼しません (約定どおり返済)。\n\n'
    if environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'banks'):
        pass
        yield '| 金融機関 | 残高 | シェア | 保全額 | 信用残 | 約定返済 (年) | 計画返済 (期間計) | 支援額 (期間計) |\n|---|---:|---:|---:|---:|---:|---:|---:|\n'
        for l_1_b in environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'banks'):
            _loop_vars = {}
            pass
            yield '| '
            yield str(t_1(environment.getattr(l_1_b, 'name')))
            yield ' | '
            yield str(environment.getattr(l_1_b, 'balance'))
            yield ' | '
            yield str(environment.getattr(l_1_b, 'share'))
            yield ' | '
            yield str(environment.getattr(l_1_b, 'secured'))
            yield ' | '
            yield str(environment.getattr(l_1_b, 'unsecured'))
            yield ' | '
            yield str(environment.getattr(l_1_b, 'contractual'))
            yield ' | '
            yield str(environment.getattr(l_1_b, 'repayment'))
            yield ' | '
            yield str(environment.getattr(l_1_b, 'reduction'))
            yield ' |\n'
        l_1_b = missing
    else:
        pass
        yield '借入はありません。\n'
    if (undefined(name='allocation') if l_0_allocation is missing else l_0_allocation):
        pass
        yield '\n'
        yield str(context.call((undefined(name='md_table') if l_0_md_table is missing else l_0_md_table), (undefined(name='allocation') if l_0_allocation is missing else l_0_allocation)))
        yield '\n'
    yield '\n## 7. モニタリング (伴走支援) 計画\n\n- 頻度: '
    yield str(t_1(environment.getattr((undefined(name='monitoring') if l_0_monitoring is missing else l_0_monitoring), 'frequency')))
    yield ' / 期間: '
    yield str(environment.getattr((undefined(name='monitoring') if l_0_monitoring is missing else l_0_monitoring), 'period_years'))
    yield '年'
    if environment.getattr((undefined(name='monitoring') if l_0_monitoring is missing else l_0_monitoring), 'start'):
        pass
        yield ' ('
        yield str(t_1(environment.getattr((undefined(name='monitoring') if l_0_monitoring is missing else l_0_monitoring), 'start')))
        yield 'から)'
    yield '\n- 出席者: '
    l_1_loop = missing
    t_6 = 1
    for l_1_a, l_1_loop in LoopContext(environment.getattr((undefined(name='monitoring') if l_0_monitoring is missing else l_0_monitoring), 'attendees'), undefined):
        _loop_vars = {}
        pass
        yield str(t_1(l_1_a))
        if (not environment.getattr(l_1_loop, 'last')):
            pass
            yield '、'
        t_6 = 0
    l_1_loop = l_1_a = missing
    if t_6:
        pass
        yield '(未入力)'
    yield '\n- 報告内容: '
    yield str((t_1(environment.getattr((undefined(name='monitoring') if l_0_monitoring is missing else l_0_monitoring), 'report_items')) or '(未入力)'))
    yield '\n\n'
    if (undefined(name='notes') if l_0_notes is missing else l_0_notes):
        pass
        yield '## 前提\n\n'
        for l_1_n in (undefined(name='notes') if l_0_notes is missing else l_0_notes):
            _loop_vars = {}
            pass
            yield '- '
            yield str(t_1(l_1_n))
            yield '\n'
        l_1_n = missing
        yield '\n'
    if (undefined(name='findings') if l_0_findings is missing else l_0_findings):
        pass
        yield '## チェック結果\n\n'
        yield str(context.call((undefined(name='md_findings') if l_0_md_findings is missing else l_0_md_findings), (undefined(name='finding_groups') if l_0_finding_groups is missing else l_0_finding_groups), (undefined(name='summary') if l_0_summary is missing else l_0_summary)))
        yield '\n'

blocks = {}
debug_info = '1=50&2=60&4=64&11=70&12=74&17=80&20=83&21=87&29=100&30=103&33=107&34=111&36=115&37=117&40=119&41=123&44=135&45=139&47=151&48=155&59=189&60=193&65=205&67=213&68=216&73=220&77=222&78=224&79=226&80=228&81=230&85=232&86=236&89=246&91=248&92=250&95=253&100=266&102=268&103=271&105=273&108=277&112=279&113=282&114=284&116=294&117=296&119=303&121=305&122=308&125=310&126=313&133=318&136=321&137=325&142=345&144=348&149=351&151=363&153=376&155=378&158=381&159=385&163=389&166=392'
