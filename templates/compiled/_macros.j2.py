# key: eff4c27a660eafa05ebf4abedecc1fa07caf95693a3fc81ba2413aefd1759dad
# Generated from templates/_macros.j2 by `python -m kaizen_guide.export.templating`: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_macros.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_md_table = l_0_md_findings = l_0_html_table = l_0_html_findings = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_2 = environment.filters['md_cell']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'md_cell' found.")
    pass
    def macro(l_1_t):
        t_3 = []
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        pass
        if environment.getattr(l_1_t, 'title'):
            pass
            t_3.extend((
                '### ',
                str(environment.getattr(l_1_t, 'title')),
                str((str_join((' (', environment.getattr(l_1_t, 'unit'), ')', )) if environment.getattr(l_1_t, 'unit') else '')),
                '\n\n',
            ))
        t_3.append(
            '| 項目 |',
        )
        for l_2_h in environment.getattr(l_1_t, 'headers'):
            _loop_vars = {}
            pass
            t_3.extend((
                ' ',
                str(t_2(l_2_h)),
                ' |',
            ))
        l_2_h = missing
        t_3.append(
            '\n|---|',
        )
        for l_2_h in environment.getattr(l_1_t, 'headers'):
            _loop_vars = {}
            pass
            t_3.append(
                '---:|',
            )
        l_2_h = missing
        t_3.append(
            '\n',
        )
        for l_2_r in environment.getattr(l_1_t, 'rows'):
            _loop_vars = {}
            pass
            if environment.getattr(l_2_r, 'section'):
                pass
                t_3.extend((
                    '| **',
                    str(t_2(environment.getattr(l_2_r, 'label'))),
                    '** |',
                ))
                for l_3_h in environment.getattr(l_1_t, 'headers'):
                    _loop_vars = {}
                    pass
                    t_3.append(
                        ' |',
                    )
                l_3_h = missing
                t_3.append(
                    '\n',
                )
            else:
                pass
                t_3.append(
                    '| ',
                )
                if environment.getattr(l_2_r, 'total'):
                    pass
                    t_3.extend((
                        '**',
                        str(t_2(environment.getattr(l_2_r, 'label'))),
                        '**',
                    ))
                else:
                    pass
                    t_3.append(
                        str(t_2(environment.getattr(l_2_r, 'label'))),
                    )
                t_3.append(
                    ' |',
                )
                for l_3_v in environment.getitem(l_2_r, 'values'):
                    _loop_vars = {}
                    pass
                    t_3.extend((
                        ' ',
                        str(t_2(l_3_v)),
                        ' |',
                    ))
                l_3_v = missing
                t_3.append(
                    '\n',
                )
        l_2_r = missing
        return concat(t_3)
    context.exported_vars.add('md_table')
    context.vars['md_table'] = l_0_md_table = Macro(environment, macro, 'md_table', ('t',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_groups, l_1_summary):
        t_4 = []
        if l_1_groups is missing:
            l_1_groups = undefined("parameter 'groups' was not provided", name='groups')
        if l_1_summary is missing:
            l_1_summary = undefined("parameter 'summary' was not provided", name='summary')
        pass
        t_4.extend((
            str(l_1_summary),
            '\n\n',
        ))
        if (not l_1_groups):
            pass
            t_4.append(
                '指摘はありません。\n',
            )
        for l_2_g in l_1_groups:
            _loop_vars = {}
            pass
            t_4.extend((
                '### ',
                str(t_2(environment.getattr(l_2_g, 'section'))),
                '\n\n',
            ))
            for l_3_f in environment.getattr(l_2_g, 'findings'):
                _loop_vars = {}
                pass
                t_4.extend((
                    '- **[',
                    str(environment.getattr(l_3_f, 'severity_label')),
                    ']** ',
                    str(t_2(environment.getattr(l_3_f, 'message'))),
                ))
                if environment.getattr(l_3_f, 'where'):
                    pass
                    t_4.extend((
                        ' (`',
                        str(t_2(environment.getattr(l_3_f, 'where'))),
                        '`)',
                    ))
                t_4.append(
                    '\n',
                )
                if environment.getattr(l_3_f, 'guideline_ref'):
                    pass
                    t_4.extend((
                        '  - 根拠: ',
                        str(t_2(environment.getattr(l_3_f, 'guideline_ref'))),
                        '\n',
                    ))
                if environment.getattr(l_3_f, 'follow_up'):
                    pass
                    t_4.extend((
                        '  - 次に考えること: ',
                        str(t_2(environment.getattr(l_3_f, 'follow_up'))),
                        '\n',
                    ))
                if environment.getattr(l_3_f, 'example'):
                    pass
                    t_4.extend((
                        '  - 良い例: ',
                        str(t_2(environment.getattr(l_3_f, 'example'))),
                        '\n',
                    ))
            l_3_f = missing
            t_4.append(
                '\n',
            )
        l_2_g = missing
        return concat(t_4)
    context.exported_vars.add('md_findings')
    context.vars['md_findings'] = l_0_md_findings = Macro(environment, macro, 'md_findings', ('groups', 'summary'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t):
        t_5 = []
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        pass
        pass
        t_6 = context.eval_ctx.save()
        context.eval_ctx.autoescape = True
        t_5.append(
            '<table class="num">\n',
        )
        if environment.getattr(l_1_t, 'title'):
            pass
            t_5.extend((
                '<caption>',
                escape(environment.getattr(l_1_t, 'title')),
            ))
            if environment.getattr(l_1_t, 'unit'):
                pass
                t_5.extend((
                    '<span class="unit">',
                    escape(environment.getattr(l_1_t, 'unit')),
                    '</span>',
                ))
            t_5.append(
                '</caption>',
            )
        t_5.append(
            '<thead><tr><th class="label">項目</th>',
        )
        for l_3_h in environment.getattr(l_1_t, 'headers'):
            _loop_vars = {}
            pass
            t_5.extend((
                '<th>',
                escape(l_3_h),
                '</th>',
            ))
        l_3_h = missing
        t_5.append(
            '</tr></thead>\n<tbody>\n',
        )
        for l_3_r in environment.getattr(l_1_t, 'rows'):
            _loop_vars = {}
            pass
            if environment.getattr(l_3_r, 'section'):
                pass
                t_5.extend((
                    '<tr class="section"><th class="label" colspan="',
                    escape((t_1(environment.getattr(l_1_t, 'headers')) + 1)),
                    '">',
                    escape(environment.getattr(l_3_r, 'label')),
                    '</th></tr>\n',
                ))
            else:
                pass
                t_5.append(
                    '<tr',
                )
                if environment.getattr(l_3_r, 'total'):
                    pass
                    t_5.append(
                        ' class="total"',
                    )
                t_5.extend((
                    '><th class="label">',
                    escape(environment.getattr(l_3_r, 'label')),
                    '</th>',
                ))
                for l_4_v in environment.getitem(l_3_r, 'values'):
                    _loop_vars = {}
                    pass
                    t_5.append(
                        '<td',
                    )
                    if context.call(environment.getattr(l_4_v, 'startswith'), '▲', _loop_vars=_loop_vars):
                        pass
                        t_5.append(
                            ' class="neg"',
                        )
                    t_5.extend((
                        '>',
                        escape(l_4_v),
                        '</td>',
                    ))
                l_4_v = missing
                t_5.append(
                    '</tr>\n',
                )
        l_3_r = missing
        t_5.append(
            '</tbody>\n</table>\n',
        )
        context.eval_ctx.revert(t_6)
        return concat(t_5)
    context.exported_vars.add('html_table')
    context.vars['html_table'] = l_0_html_table = Macro(environment, macro, 'html_table', ('t',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_groups, l_1_summary):
        t_7 = []
        if l_1_groups is missing:
            l_1_groups = undefined("parameter 'groups' was not provided", name='groups')
        if l_1_summary is missing:
            l_1_summary = undefined("parameter 'summary' was not provided", name='summary')
        pass
        pass
        t_8 = context.eval_ctx.save()
        context.eval_ctx.autoescape = True
        t_7.extend((
            '<p class="summary">',
            escape(l_1_summary),
            '</p>\n',
        ))
        if (not l_1_groups):
            pass
            t_7.append(
                '<p>指摘はありません。</p>',
            )
        for l_3_g in l_1_groups:
            _loop_vars = {}
            pass
            t_7.extend((
                '<h3>',
                escape(environment.getattr(l_3_g, 'section')),
                '</h3>\n<ul class="findings">\n',
            ))
            for l_4_f in environment.getattr(l_3_g, 'findings'):
                _loop_vars = {}
                pass
                t_7.extend((
                    '<li class="finding ',
                    escape(environment.getattr(l_4_f, 'severity')),
                    '"><span class="badge">',
                    escape(environment.getattr(l_4_f, 'severity_label')),
                    '</span> ',
                    escape(environment.getattr(l_4_f, 'message')),
                ))
                if environment.getattr(l_4_f, 'where'):
                    pass
                    t_7.extend((
                        ' <code>',
                        escape(environment.getattr(l_4_f, 'where')),
                        '</code>',
                    ))
                if ((environment.getattr(l_4_f, 'guideline_ref') or environment.getattr(l_4_f, 'follow_up')) or environment.getattr(l_4_f, 'example')):
                    pass
                    t_7.append(
                        '<dl>\n',
                    )
                    if environment.getattr(l_4_f, 'guideline_ref'):
                        pass
                        t_7.extend((
                            '<dt>根拠</dt><dd>',
                            escape(environment.getattr(l_4_f, 'guideline_ref')),
                            '</dd>',
                        ))
                    if environment.getattr(l_4_f, 'follow_up'):
                        pass
                        t_7.extend((
                            '<dt>次に考えること</dt><dd>',
                            escape(environment.getattr(l_4_f, 'follow_up')),
                            '</dd>',
                        ))
                    if environment.getattr(l_4_f, 'example'):
                        pass
                        t_7.extend((
                            '<dt>良い例</dt><dd>',
                            escape(environment.getattr(l_4_f, 'example')),
                            '</dd>',
                        ))
                    t_7.append(
                        '</dl>\n',
                    )
                t_7.append(
                    '</li>\n',
                )
            l_4_f = missing
            t_7.append(
                '</ul>\n',
            )
        l_3_g = missing
        context.eval_ctx.revert(t_8)
        return concat(t_7)
    context.exported_vars.add('html_findings')
    context.vars['html_findings'] = l_0_html_findings = Macro(environment, macro, 'html_findings', ('groups', 'summary'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '4=24&5=29&6=33&9=40&11=52&13=62&14=65&15=69&18=87&24=119&25=127&27=130&30=135&31=140&33=143&34=148&36=162&37=166&39=169&40=173&42=176&43=180&50=192&53=203&54=222&56=234&57=237&58=241&60=251&68=290&70=302&71=305&72=310&73=315&75=318&76=323&77=336&79=341&80=348&81=355'
