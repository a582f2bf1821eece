import { describe, expect, it } from 'vitest';
import { inferScenario } from './inferScenario';
import { splitPaste } from './splitPaste';
import { presetConfigFiles } from './testConfigs';

describe('splitPaste', () => {
  it('cuts typed configs at each hostname line', () => {
    const [r1, r2] = presetConfigFiles('baseline');
    const pasted = `${r1?.text}\n${r2?.text}`;
    const configs = splitPaste(pasted);
    expect(configs.map((c) => [c.name, c.lineOffset, c.text.split('\n')[0]])).toEqual([
      ['config 1', 0, 'hostname R1'],
      ['config 2', r1?.text.split('\n').length, 'hostname R2'],
    ]);
    const inference = inferScenario(configs);
    expect(inference.ok && inference.document.traffic).toEqual(
      (inferScenario(presetConfigFiles('baseline')) as { document: { traffic: unknown } }).document
        .traffic,
    );
  });

  it('keeps a listing’s header and the lines above its hostname with it', () => {
    const pasted = [
      'R1#show running-config',
      'Building configuration...',
      'version 15.2',
      'hostname R1',
      'end',
      '',
      'R2#show running-config',
      'Building configuration...',
      '!',
      'version 15.2',
      'hostname R2',
      'end',
    ].join('\n');
    expect(splitPaste(pasted).map((c) => [c.lineOffset, c.text])).toEqual([
      [0, 'R1#show running-config\nBuilding configuration...\nversion 15.2\nhostname R1\nend\n'],
      [6, 'R2#show running-config\nBuilding configuration...\n!\nversion 15.2\nhostname R2\nend'],
    ]);
  });

  it('reports a line with its place in the paste', () => {
    const [r1, r2] = presetConfigFiles('baseline');
    const broken = r2?.text.replace(' match address 101', ' match address') ?? '';
    const result = inferScenario(splitPaste(`${r1?.text}\n${broken}`));
    const offset = r1?.text.split('\n').length ?? 0;
    expect(!result.ok && result.errors.map((e) => [e.source, e.line])).toEqual([
      ['config 2', offset + 16],
    ]);
  });

  it('a paste without hostname is one config (which the inference refuses by name)', () => {
    expect(splitPaste('interface Tunnel0')).toEqual([
      { name: 'config 1', text: 'interface Tunnel0', lineOffset: 0 },
    ]);
  });
});
