import json, re
import os
here = os.path.dirname(os.path.abspath(__file__))
src = os.path.join(here, '2026-11-30.jsonl')
out = os.path.join(here, '..', 'labelled', 'dev14.jsonl')
risk_map = [
 (r'^LADO|LADO\)|^sport \+ LADO|allegation', 'allegation-adult'),
 (r'CCE|modern slavery|trafficking', 'cce'),
 (r'CSE|^missing|children missing', None),  # handled below
 (r'FGM', 'fgm'), (r'HSB|peer-on-peer|upskirting|sexual abuse', 'sexual-abuse'),
 (r'domestic|teenage relationship', 'domestic-abuse'),
 (r'emotional abuse|fabricated', 'emotional-abuse'),
 (r'forced marriage|honour', 'forced-marriage'),
 (r'online|games \+ grooming|sextortion|lesson context \+ grooming|bullying / online', 'online-abuse'),
 (r'homeless', 'homelessness'),
 (r'neglect|young carer', 'neglect'),
 (r'substance', 'parental-substance-misuse'),
 (r'physical|first aid|negation trap|closed \+ new|closed record|plain|indirect$|lesson \+ threat|lesson context \+ disclosure|training context', 'physical-abuse'),
 (r'private fostering', 'private-fostering'),
 (r'radical', 'radicalisation'),
 (r'self-harm|suicide|mental health', 'self-harm'),
 (r'serious violence|weapon|threat|youth justice', 'serious-violence'),
 (r'risk from adult|risk to children', 'sexual-abuse'),
]
excl_map = [
 (r'needs not met|SEN|disability', 'needs-not-met'), (r"parent's behaviour", 'parent-behaviour'),
 (r'condition for return', 'reinstatement-condition'), (r'off-rolling', 'off-rolling'),
 (r'part-time', 'reduced-timetable-sanction'), (r'attainment', 'attainment'),
 (r'lateness|truancy|uniform', 'minor-incident'), (r'informal', 'informal'),
]
skip = {'front door referral', 'early help referral', 'LADO referral'}
rows, seen = [], {}
for line in open(src):
    d = json.loads(line)
    c = d['category']
    if c in skip: continue
    where = d['where']
    if where == 'field' and (c.startswith('exclusion reason') or c.startswith('unlawful reason')):
        where = 'reason'
    if d['expect'] == 'none':
        cat = 'overlap'
    elif d['expect'] == 'exclusion':
        # 'informal exclusion / lateness' is informal first
        cat = 'informal' if c.startswith('informal') else next(v for k, v in excl_map if re.search(k, c))
    else:
        if re.search(r'CSE|missing', c) and not re.search(r'CCE', c): cat = 'cse' if 'CSE' in c else 'missing'
        else: cat = next((v for k, v in risk_map if v and re.search(k, c)), None)
        if cat is None: raise SystemExit('no map: ' + c)
    key = d['text']
    if key in seen:
        seen[key]['places'].append(where); continue
    seen[key] = {'text': d['text'], 'expect': d['expect'], 'category': cat, 'places': [where]}
    rows.append(seen[key])
order = ['message', 'signpost', 'field']
for i, r in enumerate(rows):
    ps = r.pop('places')
    want = order[i % 3]
    r['where'] = want if want in ps else ps[0]
with open(out, 'w') as f:
    for r in rows: f.write(json.dumps(r, ensure_ascii=False) + '\n')
import collections
print(len(rows), collections.Counter((r['expect'], r['where']) for r in rows))
