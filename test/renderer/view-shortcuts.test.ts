// The frame's keyboard shortcuts: Ctrl/Cmd+1..8 open the views in navigation order; Ctrl/Cmd+F is the
// search field's; other keys, and the same digits with Alt or Shift, are not taken.
import { describe, expect, it } from 'vitest';
import { isFindShortcut, viewForShortcut } from '../../renderer/app/view-shortcuts';
import { appViews } from '../../renderer/app/views';

const keys = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('view shortcuts', () => {
  it('opens the n-th view with Ctrl or Cmd and a digit', () => {
    expect(viewForShortcut(keys('1', { ctrlKey: true }))).toBe('order-impact');
    expect(viewForShortcut(keys('4', { metaKey: true }))).toBe('quarantine');
    expect(viewForShortcut(keys(String(appViews.length), { ctrlKey: true }))).toBe(appViews.at(-1)!.id);
    expect(viewForShortcut(keys(String(appViews.length + 1), { ctrlKey: true }))).toBeNull();
  });

  it('takes no plain digit, and none with Alt or Shift', () => {
    expect(viewForShortcut(keys('1'))).toBeNull();
    expect(viewForShortcut(keys('1', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(viewForShortcut(keys('1', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(viewForShortcut(keys('0', { ctrlKey: true }))).toBeNull();
  });

  it('knows Ctrl/Cmd+F, in either case, and nothing else as find', () => {
    expect(isFindShortcut(keys('f', { ctrlKey: true }))).toBe(true);
    expect(isFindShortcut(keys('F', { metaKey: true }))).toBe(true);
    expect(isFindShortcut(keys('f'))).toBe(false);
    expect(isFindShortcut(keys('f', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isFindShortcut(keys('g', { ctrlKey: true }))).toBe(false);
  });
});
