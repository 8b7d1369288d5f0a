import { describe, expect, it } from 'vitest';
import { polygonPath, radarGeometry, wrapLabel } from './radar-geometry';

describe('radarGeometry', () => {
  const g = radarGeometry([100, 50, undefined, 150], { width: 200, height: 200, margin: 20 });

  it('centres the chart and keeps the margin for labels', () => {
    expect(g.center).toEqual({ x: 100, y: 100 });
    expect(g.radius).toBe(80);
  });

  it('starts at the top and turns clockwise, one axis per value', () => {
    expect(g.axes.map((a) => a.end)).toEqual([
      { x: 100, y: 20 },
      { x: 180, y: 100 },
      { x: 100, y: 180 },
      { x: 20, y: 100 },
    ]);
    expect(g.axes.map((a) => [a.align, a.baseline])).toEqual([
      ['middle', 'bottom'],
      ['start', 'middle'],
      ['middle', 'top'],
      ['end', 'middle'],
    ]);
  });

  it('places each value on its axis, a missing one at the centre and one beyond the scale at its edge', () => {
    expect(g.shape).toEqual([
      { x: 100, y: 20 },
      { x: 140, y: 100 },
      { x: 100, y: 100 },
      { x: 20, y: 100 },
    ]);
  });

  it('draws the rings at 25, 50, 75 and 100 %', () => {
    expect(g.rings.map((r) => r.value)).toEqual([25, 50, 75, 100]);
    expect(g.rings[1]?.points[0]).toEqual({ x: 100, y: 60 });
  });

  it('writes a closed path and wraps long labels', () => {
    expect(
      polygonPath([
        { x: 1, y: 2 },
        { x: 3, y: 4 },
      ]),
    ).toBe('M1 2 L3 4 Z');
    expect(polygonPath([])).toBe('');
    expect(wrapLabel('Postes de travail, détection et réponse', 18)).toEqual([
      'Postes de travail,',
      'détection et',
      'réponse',
    ]);
    expect(wrapLabel('Anticonstitutionnellement court', 10)).toEqual(['Anticonstitutionnellement', 'court']);
  });
});
