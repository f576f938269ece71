import { findCasualties } from '../src/extract/casualties.js';
for (const s of process.argv.slice(2)) console.log(JSON.stringify(findCasualties(s, 0).map((c) => [c.field, c.value.best, c.struck ? 'struck' : '', s.slice(c.start, c.end)])), '|', s);
