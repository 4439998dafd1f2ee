import { describe, expect, it } from 'vitest';
import { classDrill, classFiles } from '../../../test/class-results';
import { memoryStorage } from '../../../test/render-app';
import { takeIntoClass } from '../../report/class-intake';
import { CLASS_STORAGE_KEY, createClassStore } from './class-store';

const { scenario, hash } = classDrill();
const intake = takeIntoClass([], classFiles(3), { [scenario.id]: { hash, scenario } });

describe('the class store', () => {
  it('keeps the loaded class across a reload, under its own key, and the choice to hide the ranking', () => {
    const storage = memoryStorage();
    const store = createClassStore(storage);
    store.getState().add(intake);
    store.getState().setHideRanking(true);
    expect(Object.keys(storage.data)).toEqual([CLASS_STORAGE_KEY]);
    const reloaded = createClassStore(storage);
    expect(reloaded.getState().runs.map((r) => r.file)).toEqual(intake.admitted.map((r) => r.file));
    expect(reloaded.getState().runs[0]?.results).toEqual(intake.admitted[0]?.results);
    expect(reloaded.getState().hideRanking).toBe(true);
    expect(reloaded.health.getState().problem).toBeNull();
  });

  it('reports a full storage and keeps the class in memory', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    const store = createClassStore(storage);
    store.getState().add(intake);
    expect(store.getState().runs).toHaveLength(3);
    expect(store.health.getState().problem).toEqual({ kind: 'full' });
  });

  it('keeps the class to its share of storage, so the trainee’s save and the draft still fit', () => {
    const storage = memoryStorage();
    const store = createClassStore(storage, 10_000);
    store.getState().add(intake);
    expect(store.getState().runs).toHaveLength(3);
    expect(store.health.getState().problem).toEqual({ kind: 'full' });
    expect(storage.data[CLASS_STORAGE_KEY]).toBeUndefined();
  });

  it('sets a broken save aside, says so, and starts an empty class', () => {
    const storage = memoryStorage({ [CLASS_STORAGE_KEY]: '{"state": {"runs": [' });
    const store = createClassStore(storage);
    expect(store.getState().runs).toEqual([]);
    expect(store.health.getState().problem).toEqual({ kind: 'corrupt', raw: '{"state": {"runs": [' });
    expect(storage.data[`${CLASS_STORAGE_KEY}:set-aside`]).toBe('{"state": {"runs": [');
  });

  it('drops a saved run that no longer reads as results, names it, and keeps the rest', () => {
    const storage = memoryStorage();
    createClassStore(storage).getState().add(intake);
    const saved = JSON.parse(storage.data[CLASS_STORAGE_KEY] ?? '');
    saved.state.runs[1].results.scores = 'broken';
    storage.setItem(CLASS_STORAGE_KEY, JSON.stringify(saved));
    const store = createClassStore(storage);
    expect(store.getState().runs).toHaveLength(2);
    expect(store.health.getState().problem).toMatchObject({
      kind: 'partly-dropped',
      dropped: [intake.admitted[1]?.file],
    });
    expect(storage.data[`${CLASS_STORAGE_KEY}:set-aside`]).toContain('broken');
  });

  it('removes one trainee, or clears the class', () => {
    const store = createClassStore(memoryStorage());
    store.getState().add(intake);
    store.getState().remove(intake.admitted[0]?.id ?? '');
    expect(store.getState().runs).toHaveLength(2);
    store.getState().clear();
    expect(store.getState().runs).toEqual([]);
  });
});
