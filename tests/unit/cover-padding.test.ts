import { describe, expect, it } from 'vitest';
import { coverPadding } from '../../client/map/map-camera.ts';

const phoneMap = { left: 0, top: 50, right: 390, bottom: 844 };
const desktopMap = { left: 0, top: 60, right: 1440, bottom: 900 };

describe('coverPadding: room the camera leaves for what is drawn over the map', () => {
  it('gives a phone’s bottom sheet the bottom, not a side', () => {
    expect(coverPadding(phoneMap, [{ left: 0, top: 368, right: 390, bottom: 844 }], 0)).toEqual({ top: 0, right: 0, bottom: 476, left: 0 });
  });

  it('gives a desktop side panel its side', () => {
    expect(coverPadding(desktopMap, [{ left: 1030, top: 60, right: 1440, bottom: 900 }], 0)).toEqual({ top: 0, right: 410, bottom: 0, left: 0 });
  });

  it('gives a corner legend the edge that costs less, keeps the largest per side, and adds the margin', () => {
    const legend = { left: 10, top: 636, right: 190, bottom: 810 };
    const sheet = { left: 0, top: 700, right: 390, bottom: 844 };
    expect(coverPadding(phoneMap, [legend, sheet], 20)).toEqual({ top: 20, right: 20, bottom: 208 + 20, left: 20 });
  });

  it('ignores what lies outside the map', () => {
    expect(coverPadding(phoneMap, [{ left: 0, top: 0, right: 390, bottom: 50 }], 0)).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
  });
});
