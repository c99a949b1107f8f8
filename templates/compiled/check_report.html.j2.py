# key: 95d0a7c6846fdda28fb160496b6f4db8630e4e48084330d77406067048d868d5
# Generated from templates/check_report.html.j2 by `python -m kaizen_guide.export.templating`: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'check_report.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_title = resolve('title')
    l_0_css = resolve('css')
    l_0_finding_groups = resolve('finding_groups')
    l_0_summary = resolve('summary')
    l_0_html_findings = missing
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    included_template = environment.get_template('_macros.j2', 'check_report.html.j2')._get_default_module(context)
    l_0_html_findings = getattr(included_template, 'html_findings', missing)
    if l_0_html_findings is missing:
        l_0_html_findings = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'check_report.html.j2') does not export the requested name 'html_findings'", name='html_findings')
    context.vars['html_findings'] = l_0_html_findings
    context.exported_vars.discard('html_findings')
    yield '<!DOCTYPE html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">\n<title>'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '</title>\n<style>'
    yield escape(t_1((undefined(name='css') if l_0_css is missing else l_0_css)))
    yield '</style>\n</head>\n<body>\n<header class="doc-header"><h1>'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '</h1></header>\n<main>\n'
    yield escape(context.call((undefined(name='html_findings') if l_0_html_findings is missing else l_0_html_findings), (undefined(name='finding_groups') if l_0_finding_groups is missing else l_0_finding_groups), (undefined(name='summary') if l_0_summary is missing else l_0_summary)))
    yield '\n</main>\n</body>\n</html>\n'

blocks = {}
debug_info = '1=22&6=29&7=31&10=33&12=35'
