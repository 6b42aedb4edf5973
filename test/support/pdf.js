/**
 * Builds small but well-formed PDFs for tests: one page per entry of `pages`, the text set in a Type0 font
 * (Identity-H) whose ToUnicode CMap maps each glyph id back to its character, the structure Word, WPS and
 * Chromium write for Chinese text. No font program is embedded: text extraction needs only the CMap.
 */
export function buildTestPdf(pages, options = {}) {
    const chars = [...new Set([...pages.join('')])];
    const cid = new Map(chars.map((c, i) => [c, i + 1]));
    const hex = (n, width = 4) => n.toString(16).toUpperCase().padStart(width, '0');
    const utf16 = (c) => [...Buffer.from(c, 'utf16le').swap16()].map((b) => hex(b, 2)).join('');
    const toUnicode = [
        '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
        '/CMapName /Test-UCS def /CMapType 2 def',
        '1 begincodespacerange <0000> <FFFF> endcodespacerange',
        `${chars.length} beginbfchar`,
        ...chars.map((c) => `<${hex(cid.get(c))}> <${utf16(c)}>`),
        'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
    ].join('\n');
    const objects = [];
    const add = (body) => objects.push(body) + 2; // object numbers start at 3 (1 catalog, 2 pages)
    const font = add('<</Type/Font/Subtype/Type0/BaseFont/TestSong/Encoding/Identity-H/DescendantFonts[FONT_CID 0 R]/ToUnicode TOUNICODE 0 R>>');
    const cidFont = add('<</Type/Font/Subtype/CIDFontType2/BaseFont/TestSong/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor DESC 0 R/DW 1000>>');
    const desc = add('<</Type/FontDescriptor/FontName/TestSong/Flags 4/FontBBox[0 -200 1000 800]/ItalicAngle 0/Ascent 800/Descent -200/CapHeight 700/StemV 80>>');
    const cmap = add(`<</Length ${Buffer.byteLength(toUnicode)}>>\nstream\n${toUnicode}\nendstream`);
    objects[font - 3] = objects[font - 3].replace('FONT_CID', String(cidFont)).replace('TOUNICODE', String(cmap));
    objects[cidFont - 3] = objects[cidFont - 3].replace('DESC', String(desc));
    const pageIds = [];
    for (const text of pages) {
        const lines = text.split('\n').map((line, i) => `BT /F1 12 Tf 40 ${780 - i * 18} Td <${[...line].map((c) => hex(cid.get(c))).join('')}> Tj ET`);
        const content = lines.join('\n');
        const stream = add(`<</Length ${Buffer.byteLength(content)}>>\nstream\n${content}\nendstream`);
        pageIds.push(add(`<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 ${font} 0 R>>>>/Contents ${stream} 0 R>>`));
    }
    const all = ['<</Type/Catalog/Pages 2 0 R>>', `<</Type/Pages/Kids[${pageIds.map((p) => `${p} 0 R`).join(' ')}]/Count ${pageIds.length}>>`, ...objects];
    let out = `%PDF-1.7\n%\u00e2\u00e3\n${options.marker ? `% ${options.marker}\n` : ''}`;
    const offsets = [];
    all.forEach((body, i) => {
        offsets.push(Buffer.byteLength(out, 'utf8'));
        out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    });
    const xref = Buffer.byteLength(out, 'utf8');
    out += `xref\n0 ${all.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    out += `trailer\n<</Size ${all.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
    return Buffer.from(out, 'utf8');
}
