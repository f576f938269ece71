// The scene stage on hand-made reports: which place it takes for the incident, and why.
import { describe, expect, it } from 'vitest';
import { textDocument } from '../ingest/document.js';
import type { SceneAnnotation } from '../model/index.js';
import { createPipeline, extract, loadResources } from '../pipeline.js';
import { SCENE_FEATURES, siteWords } from './scene.js';
import { SCENE_WEIGHTS } from './scene-weights.js';

const pipeline = createPipeline(loadResources());
const run = (text: string, meta: { title?: string; url?: string } = {}) => {
  const out = extract(textDocument(text, { source: 'test', published: '2016-05-02', ...meta }), pipeline);
  const scene = out.annotated.annotations.find((a): a is SceneAnnotation => a.kind === 'scene') ?? null;
  return { scene, location: out.reports[0]?.location ?? null, text: out.annotated.document.text };
};

describe('scene', () => {
  it('reads "beaten to death in" as where, not as a route', () => {
    expect(run('A shopkeeper was beaten to death in Culiacán.').location?.name).toBe('Culiacán');
    // a destination stays no scene
    expect(run('Gunmen killed a driver heading for Culiacán near Navolato on Monday.').location?.name).toBe('Navolato');
  });
  it('takes the town a part of it lies in, not a namesake of the part elsewhere', () => {
    expect(run('Two men were shot dead in the San Felipe neighborhood of Culiacán.').location?.name).toBe('Culiacán');
    expect(run('Police found a body on the Benito Juárez highway, in Culiacán.').location?.name).toBe('Culiacán');
  });
  it('reads "on the road to X" as at X, not as a route end', () => {
    expect(run('A body was found on the road to Navolato on Sunday.').location?.name).toBe('Navolato');
  });
  it('takes no region that names a group for the town of the story', () => {
    expect(run('Gunmen of the Sinaloa Cartel killed three people in Colima.').location?.name).toBe('Colima');
  });
  it('has one learned weight per cue', () => {
    expect(SCENE_WEIGHTS.length).toBe(SCENE_FEATURES.length);
    expect(SCENE_WEIGHTS.some((w) => w !== 0)).toBe(true);
  });
  it('takes a place named only in the title, which is not in the text', () => {
    const r = run('A 14-year-old boy was shot in the leg on Saturday night, police said. He is expected to recover.', { title: 'Teen wounded in shooting in Tulsa' });
    expect(r.location?.name).toBe('Tulsa');
    expect(r.scene?.inTitle).toBe(true);
    expect([r.scene?.start, r.scene?.end]).toEqual([0, 0]);
    expect(r.location?.reasons?.length).toBeGreaterThan(0);
  });
  it('spans the winning place in the text and says why it won', () => {
    const r = run('DENVER (AP) — A man visiting from Chicago was shot and killed outside a bar early Sunday, police said.');
    expect(r.location?.name).toBe('Denver');
    expect(r.text.slice(r.scene!.start, r.scene!.end).toLowerCase()).toBe('denver');
    expect(r.scene?.reasons).toContain('dateline');
  });
  it('leaves out a place that only speaks or sends someone', () => {
    expect(run('Moscow says two soldiers were killed.').location).toBeNull();
  });
  it('reads the site of an archived page by its own host name', () => {
    const doc = textDocument('x y z', { source: 't', url: 'http://web.archive.org/web/2016/http://www.dallasnews.com/news/crime/1.html' });
    expect(siteWords(doc)).toBe('dallasnews');
  });
});
