import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeUnknown, fixLegacyText, fromTcvn3, fromVni, toTcvn3, toVni, vietnameseScore } from '../../server/import/vn-encoding.ts';

describe('legacy Vietnamese encodings', () => {
  // How these words look when TCVN3 / VNI-Windows bytes are shown as Windows-1252.
  const known: [string, string, string][] = [
    ['Huyền Tụng', 'HuyÒn Tông', 'Huyeàn Tuïng'],
    ['Cẩm Giàng', 'CÈm Giµng', 'Caåm Giaøng'],
    ['Đồng', '§ång', 'Ñoàng'],
    ['Bắc Kạn', 'B¾c K¹n', 'Baéc Kaïn'],
    ['Khu công nghiệp', 'Khu c«ng nghiÖp', 'Khu coâng nghieäp'],
    ['Đã cho thuê', '§· cho thuª', 'Ñaõ cho thueâ'],
    ['người nước ngoài', 'ng\u00adêi n\u00adíc ngoµi', 'ngöôøi nöôùc ngoaøi'],
  ];

  it.each(known)('reads %s from TCVN3 (%s) and VNI (%s)', (unicode, tcvn3, vni) => {
    expect(fromTcvn3(tcvn3)).toBe(unicode);
    expect(fromVni(vni).normalize('NFC')).toBe(unicode);
    expect(fixLegacyText(tcvn3)).toEqual({ text: unicode, from: 'tcvn3' });
    expect(fixLegacyText(vni)).toEqual({ text: unicode, from: 'vni' });
    // The tables are each other's inverse on these words.
    expect(toTcvn3(unicode)).toBe(tcvn3);
    expect(toVni(unicode)).toBe(vni);
  });

  it('leaves Unicode Vietnamese and other Latin text alone', () => {
    for (const s of ['Huyền Tụng', 'Thái Nguyên', 'Café Müller', 'São Paulo', 'naïve', 'CN-01', 'Lechenwood Việt Nam']) {
      expect(fixLegacyText(s)).toEqual({ text: s, from: null });
    }
  });

  it('scores Vietnamese syllables, not mojibake', () => {
    expect(vietnameseScore('Cụm công nghiệp Vằng Mười')).toBe(1);
    expect(vietnameseScore('HuyÒn Tông')).toBeLessThan(0.6);
    expect(vietnameseScore('Caåm Giaøng')).toBe(0);
  });

  it('decodes bytes: UTF-8, the Vietnamese code page 1258, and TCVN3 bytes via Windows-1252', () => {
    expect(decodeUnknown(Buffer.from('Đồng Tâm', 'utf8'))).toEqual({ text: 'Đồng Tâm', encoding: 'utf8' });
    // Code page 1258 has â, ê, ơ … but keeps tones as combining marks.
    const forCp1258 = 'Xã Cẩm Giàng, huyện Bạch Thông'.normalize('NFD').replace(/([aeouAEOU])(\u0323?)([\u0302\u0306\u031b])/g, (_, b: string, dot: string, m: string) => (b + m).normalize('NFC') + dot);
    const cp1258 = iconv.encode(forCp1258, 'cp1258');
    expect(cp1258.includes(0x3f)).toBe(false);
    expect(decodeUnknown(cp1258)).toEqual({ text: 'Xã Cẩm Giàng, huyện Bạch Thông', encoding: 'cp1258' });
    const tcvn3Bytes = iconv.encode(toTcvn3('Cẩm Giàng'), 'cp1252');
    const d = decodeUnknown(tcvn3Bytes);
    expect(d.encoding).toBe('cp1252');
    expect(fixLegacyText(d.text).text).toBe('Cẩm Giàng');
  });
});
