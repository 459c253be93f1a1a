"""
Regenerates opaque-keys-oracle.tsv: what the real Python classes accept, and what str(key) gives back.

Not part of the build. Run with edx-opaque-keys 4.0.0 (openedx/opaque-keys@75436a97) and edx-ccx-keys 2.0.2
importable (both register their namespaces through entry points, so install them or provide dist-info metadata):

    python3 generate-opaque-keys-oracle.py seen.json /usr/share/unicode/DerivedAge.txt > opaque-keys-oracle.tsv

seen.json is a JSON list of input strings; the one in use was every string that the upstream test suites of
opaque-keys and ccx-keys (including their hypothesis property tests) passed to OpaqueKey.from_string, recorded by
wrapping that method during a pytest run (the first column of the current TSV is a
superset of it, so it can stand in). This script adds the openedx-events examples, hand-written edge cases
and mechanical mutations of every accepted input, then asks each of the 7 declared classes about each input.

Inputs with a character assigned after Unicode 13.0 are left out (given DerivedAge.txt as second argument): Java 17,
which the project builds on, has the Unicode 13 tables, so it refuses letters and digits that Python 3.12 (Unicode
15) accepts. That is the one known difference; on Java 21+ the tables are those of Python 3.12.
"""
import json
import sys
import unicodedata

from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey, UsageKey
from opaque_keys.edx.locator import (LibraryCollectionLocator, LibraryContainerLocator, LibraryLocatorV2,
                                     LibraryUsageLocatorV2)
from ccx_keys.locator import CCXLocator

CLASSES = {
    'CourseKey': CourseKey,
    'UsageKey': UsageKey,
    'CcxLocator': CCXLocator,
    'LibraryLocatorV2': LibraryLocatorV2,
    'LibraryUsageLocatorV2': LibraryUsageLocatorV2,
    'LibraryCollectionLocator': LibraryCollectionLocator,
    'LibraryContainerLocator': LibraryContainerLocator,
}

HEX = '519665f6223ebd6980884f2b'

HAND_WRITTEN = [
    # openedx-events test examples
    'course-v1:edX+DemoX.1+2014',
    'block-v1:edx+DemoX+Demo_course+type@video+block@UaEBjyMjcLW65gaTXggB93WmvoxGAJa0JeHRrDThk',
    'lib:MITx:reallyhardproblems', 'lb:MITx:reallyhardproblems:problem:problem1',
    'lib-collection:MITx:reallyhardproblems:col1', 'lct:MITx:reallyhardproblems:unit:test-container',
    'ccx-v1:edX+DemoX+Demo_Course+ccx@1',
    # course keys: every registered namespace, normalizing forms, deprecated forms
    'slashes:edX+DemoX+2014', 'library-v1:UniX+PhysicsProbs', 'library-v1:UniX+PhysicsProbs+run',
    'library-v1:UniX+PhysicsProbs+branch@draft', 'library-v1:version@' + HEX,
    'course-v1:version@' + HEX, 'course-v1:o+c+version@' + HEX, 'course-v1:branch@b+version@' + HEX,
    'course-v1:o+c+r+branch@b+version@' + HEX, 'course-v1:o+c+r+version@' + HEX.upper(),
    'course-v1:o+c+r+version@abc', 'course-v1:o+c+r+type@problem+block@p1', 'course-v1:o+c+r+block@p1',
    'course-v1:o:x+c+r', 'course-v1:o~+c.+r-', 'course-v1:o+c+r\n', 'course-v1:o+c+r+', 'course-v1:o+c',
    'edX/DemoX/2014', 'a/b/', '/b/c', 'a//c', 'a/b/c/d', 'a/b', 'a%20/b/c', 'a~/b/c', 'course-v1/a/b',
    'é/b/c', 'a/b/c\n', 'COURSE-V1:o+c+r', 'ccx-v1:o+c+r+ccx@1', 'ccx-v1:o+c+r+CCX@1', 'ccx-v1:o+c+r+ccx@\u0663',
    'ccx-v1:o+c+r+Version@' + HEX.upper() + '+ccx@7', 'ccx-v1:o+c+r', 'ccx-v1:version@' + HEX + '+ccx@1',
    'ccx-v1:o+c+r+ccx@1+type@t+block@b', 'ccx-v1:o+c+r+ccx@x', 'ccx-v1:o+c+r+BRANCH@b+ccx@1',
    'ccx-v1:o+c+r+verſion@' + HEX + '+ccx@1', 'course-v1:o+c+r+verſion@' + HEX,
    'lib:MITx:reallyhardproblems', '', ':', 'course-v1:', ' course-v1:o+c+r',
    # usage keys
    'block-v1:o+c+r+type@problem+block@p1', 'block-v1:o+c+r+block@p1', 'block-v1:o+c+r+type@problem+block@a%20b',
    'block-v1:o+c+r+type@problem+block@a:b', 'block-v1:version@' + HEX + '+type@t+block@b',
    'block-v1:o+c+version@' + HEX + '+type@t+block@b', 'block-v1:o+c+r+branch@br+type@t+block@b',
    'lib-block-v1:o+l+type@t+block@b', 'lib-block-v1:o+l+r+type@t+block@b', 'lib-block-v1:o+l+block@b',
    'ccx-block-v1:o+c+r+ccx@1+type@t+block@b', 'ccx-block-v1:o+c+r+CCX@1+TYPE@t+BLOCK@b',
    'ccx-block-v1:o+c+r+ccx@1+block@b', 'location:o+c+r+problem+p1', 'location:o+c+r+problem',
    'i4x://o/c/problem/p1', 'i4x://o/c/problem/p1@draft', 'i4x://o/c/pro blem/p1', 'i4x://o/c/problem/p 1',
    'i4x://o/c/t/n@r@s', 'i4x://o/c/t/n@', 'i4x://o/c/t/a/b', 'i4x://o/c/t/n\n', 'i4x://o:x/c/t/n',
    'i4x://o/c/t@x/n', 'i4x://o/c/t:x/n', 'i4x://o/c/t/n:x', 'i4x://o/c/t/n%41', 'I4X://o/c/t/n',
    'aside-usage-v2:block-v1$:o+c+r+type@t+block@b::tagging', 'aside-usage-v2:lb$:o$:l$:t$:b::a$:b',
    'aside-usage-v2:i4x$://o/c/t/n::aside', 'aside-usage-v2:block-v1:o+c+r+type@t+block@b::x',
    'aside-usage-v2:block-v1$:o+c+r+type@t+block@b::', 'aside-usage-v2:block-v1$:o+c+r+type@t+block@b::$$',
    'aside-usage-v2:block-v1$:o+c+r+type@t+block@b::$', 'aside-usage-v2:block-v1$:o+c+version@' + HEX
    + '+type@t+block@b::x', 'aside-usage-v1:block-v1:o+c+r+type@t+block@b::tagging',
    'aside-usage-v1:lb:o:l:t:b::x', 'aside-usage-v1:i4x://o/c/t/n::x', 'aside-usage-v1:block-v1:o+c+r+type@t+block@b::a::b',
    'aside-usage-v1:block-v1:o+c+r+type@t+block@b::a$b', 'aside-usage-v1:block-v1:o+c+r+type@t+block@b::a$$b',
    'aside-usage-v2:aside-usage-v2$:block-v1$$$:o+c+r+type@t+block@b$:$:in::out',
    # library keys (v2)
    'lib:MITx:slug\n', 'lib:MITx\n:slug', 'lib:MITx:slug\n\n', 'lib:MITx:slug ', 'lib:MIT x:slug', 'lib:MITé:slug',
    'lib:MITx:slugé', 'lib:MITx:slug\u0301', 'lib:MITx:slug\u203f', 'lib:MITx:\u0663', 'lib:MITx:\u00b2', 'lib:MITx:\u216b',
    'lib:MITx', 'lib:MITx:a:b', 'lib::slug', 'lib:MITx:', 'LIB:MITx:slug', 'lib:MITx:sl~ug',
    'lb:MITx:lib:problem:p1\n', 'lb:MITx:lib:problem\n:p1', 'lb:MITx:lib:probé:p1', 'lb:MITx:lib:problem:pé',
    'lb:edX:demo-lib.2019:html:introduction', 'lb:UnicodeX:i18n-lib:html:\u03ad\u03c8\u03b9\u03bb\u03bf\u03bd',
    'lb:MITx:lib:problem', 'lb:MITx:lib:problem:p1:x', 'lb:MITx:lib::p1',
    'lib-collection:MITx:lib:col1', 'lib-collection:MITx:lib:col 1', 'lib-collection:MITx:lib:colé',
    'lib-collection:MITx:lib:col1\n', 'lib-collection:MITx:lib', 'lib-collection:MITx:lib:c:d',
    'lct:MITx:lib:unit:c1', 'lct:MITx:lib:uné:c1', 'lct:MITx:lib:unit:cé', 'lct:MITx:lib:unit\n:c1',
    'lct:MITx:lib:unit', 'lct:MITx:lib:unit:c1:x', 'lct:MITx:lib::c1',
]

ODD_CHARS = ['\u00e9', '\u0663', '\u00b2', '\u216b', '\u0301', '\u203f', '\u212a', '\u017f', '\u0345', '\u0130',
             '\u0131', '\u00a0', ' ', '\n', '\r', '$', '%', '@', '+', ':', '/', '~', '\U0001d43b']


def mutations(text):
    yield text + '\n'
    yield text + '\n\n'
    yield text + ' '
    yield ' ' + text
    yield text.upper()
    yield text + '+'
    head, sep, tail = text.partition(':')
    if sep:
        yield head.upper() + sep + tail
    for i, ch in enumerate(ODD_CHARS):
        at = (len(text) * (i + 3)) // (len(ODD_CHARS) + 5)
        yield text[:at] + ch + text[at:]
        yield text + ch
    if '+' in text:
        yield text.rsplit('+', 1)[0]
        yield text.replace('+', '++', 1)
    if ':' in tail:
        yield text.rsplit(':', 1)[0]


def probe(cls, text):
    try:
        key = CLASSES[cls].from_string(text)
    except InvalidKeyError:
        return 'INVALID', ''
    return 'OK', str(key)


def escape(text):
    out = []
    for ch in text:
        if ch == '\\':
            out.append('\\\\')
        elif ch == '\t':
            out.append('\\t')
        elif ch == '\n':
            out.append('\\n')
        elif ch == '\r':
            out.append('\\r')
        elif unicodedata.category(ch) in ('Cc', 'Cs', 'Zl', 'Zp', 'Cn', 'Co') or ord(ch) > 0xFFFF and \
                unicodedata.category(ch) == 'Cn':
            out.append('\\u%04x' % ord(ch) if ord(ch) <= 0xFFFF else '\\U%08x' % ord(ch))
        else:
            out.append(ch)
    return ''.join(out)


def assigned_by(derived_age_path, version):
    """The code points assigned in the given Unicode version or before, from DerivedAge.txt."""
    limit = tuple(int(part) for part in version.split('.'))
    assigned = set()
    with open(derived_age_path, encoding='utf-8') as ages:
        for line in ages:
            line = line.split('#', 1)[0].strip()
            if not line:
                continue
            points, age = (part.strip() for part in line.split(';'))
            if tuple(int(part) for part in age.split('.')) > limit:
                continue
            first, _, last = points.partition('..')
            assigned.update(range(int(first, 16), int(last or first, 16) + 1))
    return assigned


def main():
    with open(sys.argv[1], encoding='utf-8') as seen_file:
        inputs = list(dict.fromkeys(HAND_WRITTEN + json.load(seen_file)))
    if len(sys.argv) > 2:
        known = assigned_by(sys.argv[2], '13.0')
        inputs = [text for text in inputs if all(ord(ch) in known or unicodedata.category(ch) in ('Cn', 'Co', 'Cs')
                                                  for ch in text)]
    accepted = [text for text in inputs if any(probe(cls, text)[0] == 'OK' for cls in CLASSES)]
    for index, text in enumerate(accepted):
        # every 4th mutation, rotating, keeps the file small while every kind of mutation is used
        inputs.extend(m for n, m in enumerate(mutations(text)) if (index + n) % 4 == 0)
    inputs = list(dict.fromkeys(inputs))
    print('# Generated by generate-opaque-keys-oracle.py from the real Python classes. Columns: the input, then for each')
    print('# declared class what from_string does: "-" = InvalidKeyError, "=" = accepted and str(key) is the input,')
    print('# else str(key). Escapes: \\\\ \\t \\n \\r \\uXXXX \\UXXXXXXXX.')
    print('input', *CLASSES, sep='\t')
    for text in inputs:
        results = []
        for cls in CLASSES:
            verdict, result = probe(cls, text)
            results.append('-' if verdict == 'INVALID' else '=' if result == text else escape(result))
        print(escape(text), *results, sep='\t')


if __name__ == '__main__':
    main()
