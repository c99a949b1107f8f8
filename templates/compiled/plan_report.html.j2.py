# key: 6bf88f6910aaa647153e394df81ac40536cf1687c1cd8b3c2a4869db313aa545
# Generated from templates/plan_report.html.j2 by `python -m kaizen_guide.export.templating`: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'plan_report.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_title = resolve('title')
    l_0_company = resolve('company')
    l_0_css = resolve('css')
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
    l_0_targets = resolve('targets')
    l_0_targets_summary = resolve('targets_summary')
    l_0_definitions = resolve('definitions')
    l_0_stress = resolve('stress')
    l_0_goals = resolve('goals')
    l_0_monthly = resolve('monthly')
    l_0_support = resolve('support')
    l_0_allocation = resolve('allocation')
    l_0_monitoring = resolve('monitoring')
    l_0_notes = resolve('notes')
    l_0_findings = resolve('findings')
    l_0_finding_groups = resolve('finding_groups')
    l_0_summary = resolve('summary')
    l_0_html_table = l_0_html_findings = missing
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    included_template = environment.get_template('_macros.j2', 'plan_report.html.j2')._get_default_module(context)
    l_0_html_table = getattr(included_template, 'html_table', missing)
    if l_0_html_table is missing:
        l_0_html_table = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'plan_report.html.j2') does not export the requested name 'html_table'", name='html_table')
    l_0_html_findings = getattr(included_template, 'html_findings', missing)
    if l_0_html_findings is missing:
        l_0_html_findings = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'plan_report.html.j2') does not export the requested name 'html_findings'", name='html_findings')
    context.vars.update({'html_table': l_0_html_table, 'html_findings': l_0_html_findings})
    context.exported_vars.difference_update(('html_table', 'html_findings'))
    yield '<!DOCTYPE html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">\n<title>'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield ' — '
    yield escape((undefined(name='company') if l_0_company is missing else l_0_company))
    yield '</title>\n<style>'
    yield escape(t_1((undefined(name='css') if l_0_css is missing else l_0_css)))
    yield '</style>\n</head>\n<body>\n<header class="doc-header">\n  <h1>'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '</h1>\n  <p class="company">'
    yield escape((undefined(name='company') if l_0_company is missing else l_0_company))
    yield '</p>\n  <p class="meta">作成日 '
    yield escape((undefined(name='created') if l_0_created is missing else l_0_created))
    if environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'support_agency'):
        pass
        yield ' / 認定支援機関 '
        yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'support_agency'))
    if environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'main_bank'):
        pass
        yield ' / メインバンク '
        yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'main_bank'))
    yield '</p>\n</header>\n<main>\n<section>\n<h2>1. 会社概要</h2>\n<table class="kv">\n'
    for (l_1_label, l_1_value) in (undefined(name='overview') if l_0_overview is missing else l_0_overview):
        _loop_vars = {}
        pass
        yield '<tr><th>'
        yield escape(l_1_label)
        yield '</th><td>'
        yield escape(l_1_value)
        yield '</td></tr>\n'
    l_1_label = l_1_value = missing
    yield '</table>\n</section>\n\n<section>\n<h2>2. 窮境要因</h2>\n'
    if (undefined(name='causes') if l_0_causes is missing else l_0_causes):
        pass
        yield '<table class="list">\n<thead><tr><th>ID</th><th>区分</th><th>内容</th><th>影響額 (千円/年)</th></tr></thead>\n<tbody>\n'
        for l_1_c in (undefined(name='causes') if l_0_causes is missing else l_0_causes):
            _loop_vars = {}
            pass
            yield '<tr><td>'
            yield escape(environment.getattr(l_1_c, 'id'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_c, 'kind'))
            yield '</td><td class="text">'
            yield escape(environment.getattr(l_1_c, 'description'))
            yield '</td><td class="amount">'
            yield escape(environment.getattr(l_1_c, 'impact'))
            yield '</td></tr>\n'
        l_1_c = missing
        yield '</tbody>\n</table>\n'
    else:
        pass
        yield '<p>窮境要因が未入力です。</p>'
    yield '</section>\n\n<section>\n<h2>3. 課題 → 対策 → アクション</h2>\n'
    if (undefined(name='basic_policy') if l_0_basic_policy is missing else l_0_basic_policy):
        pass
        yield '<p class="policy"><strong>基本方針</strong> '
        yield escape((undefined(name='basic_policy') if l_0_basic_policy is missing else l_0_basic_policy))
        yield '</p>'
    l_1_loop = missing
    t_2 = 1
    for l_1_issue, l_1_loop in LoopContext((undefined(name='chain') if l_0_chain is missing else l_0_chain), undefined):
        _loop_vars = {}
        pass
        yield '<div class="chain">\n  <h3>課題 '
        yield escape(environment.getattr(l_1_issue, 'id'))
        yield ': '
        yield escape(environment.getattr(l_1_issue, 'title'))
        yield '</h3>\n'
        if environment.getattr(l_1_issue, 'description'):
            pass
            yield '<p>'
            yield escape(environment.getattr(l_1_issue, 'description'))
            yield '</p>'
        if environment.getattr(l_1_issue, 'causes'):
            pass
            yield '<p class="causes">窮境要因: '
            l_2_loop = missing
            for l_2_c, l_2_loop in LoopContext(environment.getattr(l_1_issue, 'causes'), undefined):
                _loop_vars = {}
                pass
                yield '<span class="tag">'
                yield escape(environment.getattr(l_2_c, 'id'))
                yield '</span> '
                yield escape(environment.getattr(l_2_c, 'description'))
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield '<br>'
            l_2_loop = l_2_c = missing
            yield '</p>'
        t_3 = 1
        for l_2_m in environment.getattr(l_1_issue, 'measures'):
            _loop_vars = {}
            pass
            yield '  <div class="measure">\n    <h4>対策 '
            yield escape(environment.getattr(l_2_m, 'id'))
            yield ' '
            yield escape(environment.getattr(l_2_m, 'title'))
            yield ' <span class="tag">'
            yield escape(environment.getattr(l_2_m, 'category'))
            yield '</span></h4>\n'
            if environment.getattr(l_2_m, 'description'):
                pass
                yield '<p>'
                yield escape(environment.getattr(l_2_m, 'description'))
                yield '</p>'
            if environment.getattr(l_2_m, 'actions'):
                pass
                yield '    <table class="list">\n      <thead><tr><th>アクション</th><th>責任者</th><th>時期</th><th>KPI</th><th>効果 (平年度・千円)</th></tr></thead>\n      <tbody>\n'
                for l_3_a in environment.getattr(l_2_m, 'actions'):
                    _loop_vars = {}
                    pass
                    yield '<tr><td class="text">'
                    yield escape(environment.getattr(l_3_a, 'id'))
                    yield ' '
                    yield escape(environment.getattr(l_3_a, 'title'))
                    if environment.getattr(l_3_a, 'method'):
                        pass
                        yield '<br><small>'
                        yield escape(environment.getattr(l_3_a, 'method'))
                        yield '</small>'
                    yield '</td><td>'
                    yield escape(environment.getattr(l_3_a, 'owner'))
                    yield '</td><td>'
                    yield escape(environment.getattr(l_3_a, 'start'))
                    yield '〜'
                    yield escape(environment.getattr(l_3_a, 'due'))
                    yield '</td><td class="text">'
                    yield escape(environment.getattr(l_3_a, 'kpi'))
                    if environment.getattr(l_3_a, 'kpi_basis'):
                        pass
                        yield '<br><small>根拠: '
                        yield escape(environment.getattr(l_3_a, 'kpi_basis'))
                        yield '</small>'
                    yield '</td><td class="amount">'
                    yield escape(environment.getattr(l_3_a, 'line'))
                    yield ' '
                    yield escape(environment.getattr(l_3_a, 'effect'))
                    yield '</td></tr>\n'
                l_3_a = missing
                yield '      </tbody>\n    </table>\n'
            else:
                pass
                yield '<p class="warn">アクションが未設定です。</p>'
            yield '  </div>\n'
            t_3 = 0
        l_2_m = missing
        if t_3:
            pass
            yield '<p class="warn">対策が未設定です。</p>'
        yield '</div>\n'
        t_2 = 0
    l_1_loop = l_1_issue = missing
    if t_2:
        pass
        yield '<p>経営課題が未入力です。</p>'
    if (undefined(name='unlinked_actions') if l_0_unlinked_actions is missing else l_0_unlinked_actions):
        pass
        yield '<p class="warn">対策に結びついていないアクション: '
        l_1_loop = missing
        for l_1_a, l_1_loop in LoopContext((undefined(name='unlinked_actions') if l_0_unlinked_actions is missing else l_0_unlinked_actions), undefined):
            _loop_vars = {}
            pass
            yield escape(environment.getattr(l_1_a, 'id'))
            yield ' '
            yield escape(environment.getattr(l_1_a, 'title'))
            if (not environment.getattr(l_1_loop, 'last')):
                pass
                yield '、'
        l_1_loop = l_1_a = missing
        yield '</p>'
    yield '</section>\n\n<section class="page-break">\n<h2>4. 数値計画</h2>\n<p>計画期間 '
    yield escape((undefined(name='plan_years') if l_0_plan_years is missing else l_0_plan_years))
    yield '年'
    if (undefined(name='first_plan_year_label') if l_0_first_plan_year_label is missing else l_0_first_plan_year_label):
        pass
        yield ' (計画1年目: '
        yield escape((undefined(name='first_plan_year_label') if l_0_first_plan_year_label is missing else l_0_first_plan_year_label))
        yield ')'
    yield '</p>\n'
    for l_1_t in (undefined(name='tables') if l_0_tables is missing else l_0_tables):
        _loop_vars = {}
        pass
        yield escape(context.call((undefined(name='html_table') if l_0_html_table is missing else l_0_html_table), l_1_t, _loop_vars=_loop_vars))
    l_1_t = missing
    yield '</section>\n\n<section>\n<h2>5. 金融機関が見る指標と改善目標</h2>\n'
    yield escape(context.call((undefined(name='html_table') if l_0_html_table is missing else l_0_html_table), (undefined(name='metrics') if l_0_metrics is missing else l_0_metrics)))
    yield '\n<table class="list targets">\n<thead><tr><th>目標</th><th>目標値</th><th>計画上の見込み</th><th>判定</th></tr></thead>\n<tbody>\n'
    for l_1_t in (undefined(name='targets') if l_0_targets is missing else l_0_targets):
        _loop_vars = {}
        pass
        yield '<tr><td>'
        yield escape(environment.getattr(l_1_t, 'item'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_t, 'target'))
        yield '</td><td>'
        yield escape(environment.getattr(l_1_t, 'result'))
        yield '</td><td class="'
        yield escape(('ok' if (environment.getattr(l_1_t, 'met') and environment.getattr((undefined(name='stress') if l_0_stress is missing else l_0_stress), 'passed')) else 'ng'))
        yield '">'
        yield escape(environment.getattr(l_1_t, 'verdict'))
        yield '</td></tr>\n'
    l_1_t = missing
    yield '</tbody>\n</table>\n<p><strong>'
    yield escape((undefined(name='targets_summary') if l_0_targets_summary is missing else l_0_targets_summary))
    yield '</strong></p>\n<dl class="definitions">\n<dt>債務償還年数</dt><dd>'
    yield escape(environment.getattr((undefined(name='definitions') if l_0_definitions is missing else l_0_definitions), 'debt_years'))
    yield '</dd>\n<dt>債務償還年数 (簡易)</dt><dd>'
    yield escape(environment.getattr((undefined(name='definitions') if l_0_definitions is missing else l_0_definitions), 'gross_debt_years'))
    yield '</dd>\n<dt>実質純資産</dt><dd>'
    yield escape(environment.getattr((undefined(name='definitions') if l_0_definitions is missing else l_0_definitions), 'real_net_assets'))
    yield '</dd>\n<dt>経常黒字化年度</dt><dd>'
    yield escape(environment.getattr((undefined(name='definitions') if l_0_definitions is missing else l_0_definitions), 'profit_year'))
    yield '</dd>\n<dt>実質債務超過解消年度</dt><dd>'
    yield escape(environment.getattr((undefined(name='definitions') if l_0_definitions is missing else l_0_definitions), 'solvency_year'))
    yield '</dd>\n</dl>\n<h3>ストレステスト</h3>\n<p>'
    yield escape(environment.getattr((undefined(name='definitions') if l_0_definitions is missing else l_0_definitions), 'stress'))
    yield '</p>\n'
    for l_1_t in environment.getattr((undefined(name='stress') if l_0_stress is missing else l_0_stress), 'tables'):
        _loop_vars = {}
        pass
        yield escape(context.call((undefined(name='html_table') if l_0_html_table is missing else l_0_html_table), l_1_t, _loop_vars=_loop_vars))
        yield '<p>'
        yield escape(environment.getattr(l_1_t, 'verdict'))
        yield '</p>'
    l_1_t = missing
    yield '<p><strong class="'
    yield escape(('ok' if environment.getattr((undefined(name='stress') if l_0_stress is missing else l_0_stress), 'passed') else 'ng'))
    yield '">'
    yield escape(environment.getattr((undefined(name='stress') if l_0_stress is missing else l_0_stress), 'verdict'))
    yield '</strong></p>\n'
    if (undefined(name='goals') if l_0_goals is missing else l_0_goals):
        pass
        yield '<p>'
        yield escape((undefined(name='goals') if l_0_goals is missing else l_0_goals))
        yield '</p>'
    yield '<p>月次資金繰り (計画1年目): 最低残高 '
    yield escape(environment.getattr((undefined(name='monthly') if l_0_monthly is missing else l_0_monthly), 'lowest'))
    yield ' '
    yield escape(environment.getattr((undefined(name='monthly') if l_0_monthly is missing else l_0_monthly), 'lowest_balance'))
    yield '千円 (最低限必要な手元資金 '
    yield escape(environment.getattr((undefined(name='monthly') if l_0_monthly is missing else l_0_monthly), 'minimum'))
    yield '千円)'
    if environment.getattr((undefined(name='monthly') if l_0_monthly is missing else l_0_monthly), 'negative'):
        pass
        yield ' <strong class="ng">資金ショートする月があります。</strong>'
    yield '</p>\n</section>\n\n<section>\n<h2>6. 金融支援の依頼</h2>\n'
    if environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'needed'):
        pass
        yield '<table class="kv">\n<tr><th>種類</th><td>'
        yield escape((environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'types') or '(未選択)'))
        yield '</td></tr>\n<tr><th>開始・期間</th><td>'
        yield escape((environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'start') or '未定'))
        yield ' から '
        yield escape(environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'period_months'))
        yield 'か月'
        if environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'end'):
            pass
            yield ' ('
            yield escape(environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'end'))
            yield 'まで)'
        yield '</td></tr>\n<tr><th>期間後の返済</th><td>'
        yield escape(environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'after'))
        yield '</td></tr>\n<tr><th>配分基準</th><td>'
        yield escape(environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'basis'))
        yield ' (返済に充てる簡易CFの割合 '
        yield escape(environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'share'))
        yield ')'
        if environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'guaranteed_on_contract'):
            pass
            yield ' / 保証協会付借入は約定どおり返済'
        yield '</td></tr>\n<tr><th>支援額 (約定との差・期間計)</th><td>'
        yield escape(environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'request_total'))
        yield '千円</td></tr>\n<tr><th>依頼内容</th><td class="text">'
        yield escape(environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'request'))
        yield '</td></tr>\n<tr><th>理由</th><td class="text">'
        yield escape(environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'reasons'))
        yield '</td></tr>\n</table>\n'
    else:
        pass
        yield '<p>金融支援は依頼しません (約定どおり返済)。</p>'
    if environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'banks'):
        pass
        yield '<table class="list num">\n<thead><tr><th>金融機関</th><th>残高</th><th>シェア</th><th>保全額</th><th>信用残</th><th>約定返済 (年)</th><th>計画返済 (期間計)</th><th>支援額 (期間計)</th></tr></thead>\n<tbody>\n'
        for l_1_b in environment.getattr((undefined(name='support') if l_0_support is missing else l_0_support), 'banks'):
            _loop_vars = {}
            pass
            yield '<tr><th class="label">'
            yield escape(environment.getattr(l_1_b, 'name'))
            yield '</th><td>'
            yield escape(environment.getattr(l_1_b, 'balance'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_b, 'share'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_b, 'secured'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_b, 'unsecured'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_b, 'contractual'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_b, 'repayment'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_b, 'reduction'))
            yield '</td></tr>\n'
        l_1_b = missing
        yield '</tbody>\n</table>\n'
    else:
        pass
        yield '<p>借入はありません。</p>'
    if (undefined(name='allocation') if l_0_allocation is missing else l_0_allocation):
        pass
        yield escape(context.call((undefined(name='html_table') if l_0_html_table is missing else l_0_html_table), (undefined(name='allocation') if l_0_allocation is missing else l_0_allocation)))
    yield '</section>\n\n<section>\n<h2>7. モニタリング (伴走支援) 計画</h2>\n<table class="kv">\n<tr><th>頻度</th><td>'
    yield escape(environment.getattr((undefined(name='monitoring') if l_0_monitoring is missing else l_0_monitoring), 'frequency'))
    yield '</td></tr>\n<tr><th>期間</th><td>'
    yield escape(environment.getattr((undefined(name='monitoring') if l_0_monitoring is missing else l_0_monitoring), 'period_years'))
    yield '年'
    if environment.getattr((undefined(name='monitoring') if l_0_monitoring is missing else l_0_monitoring), 'start'):
        pass
        yield ' ('
        yield escape(environment.getattr((undefined(name='monitoring') if l_0_monitoring is missing else l_0_monitoring), 'start'))
        yield 'から)'
    yield '</td></tr>\n<tr><th>出席者</th><td>'
    l_1_loop = missing
    t_4 = 1
    for l_1_a, l_1_loop in LoopContext(environment.getattr((undefined(name='monitoring') if l_0_monitoring is missing else l_0_monitoring), 'attendees'), undefined):
        _loop_vars = {}
        pass
        yield escape(l_1_a)
        if (not environment.getattr(l_1_loop, 'last')):
            pass
            yield '、'
        t_4 = 0
    l_1_loop = l_1_a = missing
    if t_4:
        pass
        yield '(未入力)'
    yield '</td></tr>\n<tr><th>報告内容</th><td class="text">'
    yield escape((environment.getattr((undefined(name='monitoring') if l_0_monitoring is missing else l_0_monitoring), 'report_items') or '(未入力)'))
    yield '</td></tr>\n</table>\n</section>\n\n'
    if (undefined(name='notes') if l_0_notes is missing else l_0_notes):
        pass
        yield '<section>\n<h2>前提</h2>\n<ul>'
        for l_1_n in (undefined(name='notes') if l_0_notes is missing else l_0_notes):
            _loop_vars = {}
            pass
            yield '<li>'
            yield escape(l_1_n)
            yield '</li>'
        l_1_n = missing
        yield '</ul>\n</section>\n'
    if (undefined(name='findings') if l_0_findings is missing else l_0_findings):
        pass
        yield '<section class="page-break">\n<h2>チェック結果</h2>\n'
        yield escape(context.call((undefined(name='html_findings') if l_0_html_findings is missing else l_0_html_findings), (undefined(name='finding_groups') if l_0_finding_groups is missing else l_0_finding_groups), (undefined(name='summary') if l_0_summary is missing else l_0_summary)))
        yield '\n</section>\n'
    yield '</main>\n<footer class="doc-footer">'
    yield escape((undefined(name='company') if l_0_company is missing else l_0_company))
    yield ' — '
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '</footer>\n</body>\n</html>\n'

blocks = {}
debug_info = '1=45&6=55&7=59&11=61&12=63&13=65&19=75&26=85&30=88&39=106&40=113&42=117&43=121&44=126&45=143&47=147&48=153&49=158&53=161&62=208&67=224&68=232&73=238&77=240&81=256&83=258&84=260&85=262&86=264&87=266&90=268&91=270&92=279&93=283&94=289&99=299&101=302&102=304&103=314&104=316&105=324&106=326&107=328&110=333&114=336&119=361&125=365&126=367&127=377&128=390&132=392&135=395&138=403&141=406&145=409'
