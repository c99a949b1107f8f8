# key: 1419afef2e5c1fb573ffd157c612d0abc1e9eb3ab677d6921180f8e8ccc2c7ab
# Generated from templates/check_report.md.j2 by `python -m kaizen_guide.export.templating`: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'check_report.md.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_title = resolve('title')
    l_0_finding_groups = resolve('finding_groups')
    l_0_summary = resolve('summary')
    l_0_md_findings = missing
    try:
        t_1 = environment.filters['md_cell']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'md_cell' found.")
    pass
    included_template = environment.get_template('_macros.j2', 'check_report.md.j2')._get_default_module(context)
    l_0_md_findings = getattr(included_template, 'md_findings', missing)
    if l_0_md_findings is missing:
        l_0_md_findings = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'check_report.md.j2') does not export the requested name 'md_findings'", name='md_findings')
    context.vars['md_findings'] = l_0_md_findings
    context.exported_vars.discard('md_findings')
    yield '# '
    yield str(t_1((undefined(name='title') if l_0_title is missing else l_0_title)))
    yield '\n\n'
    yield str(context.call((undefined(name='md_findings') if l_0_md_findings is missing else l_0_md_findings), (undefined(name='finding_groups') if l_0_finding_groups is missing else l_0_finding_groups), (undefined(name='summary') if l_0_summary is missing else l_0_summary)))
    yield '\n'

blocks = {}
debug_info = '1=21&2=28&4=30'
