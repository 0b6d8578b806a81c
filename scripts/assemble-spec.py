#!/usr/bin/env python3
"""One-off helper kept for maintainers: rebuilds docs/SPEC.md Parts II and III from the section drafts.
   python3 scripts/assemble-spec.py   (reads docs/drafts/*.md; Part I stays as written in docs/SPEC.md)"""
import re
from pathlib import Path

root = Path(__file__).resolve().parent.parent
spec = (root / 'docs/SPEC.md').read_text()
part1 = spec.split('\n# Part II')[0].rstrip() + '\n'

def renumber(text, prefix, level='###'):
    out = []
    for line in text.splitlines():
        m = re.match(r'^(#{2,3}) (\d+)\. (.*)$', line)
        if m and m.group(1) == '##':
            out.append(f'{level} {prefix}.{m.group(2)} {m.group(3)}')
        elif line.startswith('# '):
            continue
        elif line.startswith('Status: draft') or line.startswith('Status:'):
            continue
        else:
            out.append(line)
    return '\n'.join(out).strip() + '\n'

signatures = (root / 'docs/drafts/signatures.md').read_text().strip() + '\n'
pki = renumber((root / 'docs/drafts/pki.md').read_text(), 'II.6')
pdf = renumber((root / 'docs/drafts/pdf-qr.md').read_text(), 'III', '##')

part2 = '\n# Part II — Signatures, trust and verification\n\n' + signatures + '\n## II.6 Certificate profile and path validation\n\n' + pki
part3 = '\n# Part III — PDF licenses and QR codes\n\n' + pdf
extra = ''
dossiers = root / 'docs/drafts/dossiers.md'
rules = root / 'docs/drafts/rules.md'
if dossiers.exists():
    extra += '\n# Part IV — End-use declarations, dossiers and jurisdiction rules\n\n' + renumber(dossiers.read_text(), 'IV', '##')
if rules.exists():
    body = renumber(rules.read_text(), 'IV.R', '###')
    extra += '\n## IV.5 Jurisdiction rules format\n\n' + body
screening = root / 'docs/drafts/screening.md'
if screening.exists():
    extra += '\n# Part V — Screening lists, denial notices and matching\n\n' + renumber(screening.read_text(), 'V', '##')

toc_parts = [
    ('Part II — Signatures, trust and verification', ['II.1 Signature profile (JWS)', 'II.2 Trust lists and the trust model', 'II.3 Status lists, CRLs and freshness', 'II.4 Offline bundle', 'II.5 Verification algorithm', 'II.6 Certificate profile and path validation']),
    ('Part III — PDF licenses and QR codes', []),
    ('Part IV — End-use declarations, dossiers and jurisdiction rules', []),
    ('Part V — Screening lists, denial notices and matching', []),
]
def anchor(t):
    return '#' + re.sub(r'[^a-z0-9 \-]', '', t.lower()).replace(' ', '-')
toc = ''.join(f'- [{p}]({anchor(p)})\n' + ''.join(f'  - [{s}]({anchor(s)})\n' for s in subs) for p, subs in toc_parts)
part1 = re.sub(r'- \[Part II — Signatures, trust and verification\]\(#part-ii--signatures-trust-and-verification\)\n', toc, part1)
(root / 'docs/SPEC.md').write_text(part1 + part2 + part3 + extra)
print('docs/SPEC.md:', len((part1 + part2 + part3 + extra).splitlines()), 'lines')
