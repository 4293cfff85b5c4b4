#!/usr/bin/env python3
"""Writes the seed corpus of the XLSX fuzz target (fuzz/corpus-xlsx/): small workbooks of different shapes and the
wrong kinds of file a treasurer may upload. Kept so the seeds can be regenerated or extended; the output is
deterministic (fixed zip timestamps). Run from the repository root: python3 fuzz/make_xlsx_seeds.py
"""
import os
import zipfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus-xlsx")
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"


def zip_bytes(entries, compression=zipfile.ZIP_DEFLATED):
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2021, 12, 31, 0, 0, 0))
            info.compress_type = compression
            z.writestr(info, data)
    return buf.getvalue()


def sheet(rows, prefix=""):
    p = prefix + ":" if prefix else ""
    ns = f' xmlns:{prefix}="{MAIN}"' if prefix else f' xmlns="{MAIN}"'
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{p}worksheet{ns} xmlns:r="{REL}">'
            f"<{p}sheetData>{rows}</{p}sheetData></{p}worksheet>")


def workbook(sheets, sst=None, absolute=False, extra=()):
    """sheets: [(name, xml)]; returns the entries of a minimal workbook."""
    wb = f'<?xml version="1.0"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
    rels = f'<?xml version="1.0"?><Relationships xmlns="{PKG}">'
    entries = [
        ("[Content_Types].xml", f'<?xml version="1.0"?><Types xmlns="{CT}"><Default Extension="xml" '
                                'ContentType="application/xml"/></Types>'),
        ("_rels/.rels", f'<?xml version="1.0"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" '
                        f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    ]
    for i, (name, xml) in enumerate(sheets, 1):
        wb += f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>'
        target = f"/xl/worksheets/sheet{i}.xml" if absolute else f"worksheets/sheet{i}.xml"
        rels += f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="{target}"/>'
        entries.append((f"xl/worksheets/sheet{i}.xml", xml))
    if sst is not None:
        rels += f'<Relationship Id="rIdS" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        entries.append(("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst xmlns="{MAIN}">{sst}</sst>'))
    entries.append(("xl/workbook.xml", wb + "</sheets></workbook>"))
    entries.append(("xl/_rels/workbook.xml.rels", rels + "</Relationships>"))
    entries.extend(extra)
    return entries


def main():
    os.makedirs(OUT, exist_ok=True)
    seeds = {}
    laporan_rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1250000.50</v></c></row>'
                    '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>0.1</v></c></row>'
                    '<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3"><f>B1+B2</f><v>1250000.6</v></c></row>')
    sst = ('<si><t>Kas</t></si><si><r><rPr><b/></rPr><t>Pinjaman </t></r><r><t xml:space="preserve">anggota </t></r>'
           '<rPh sb="0" eb="1"><t>x</t></rPh></si><si><t>Jumlah_x000D_</t></si>')
    seeds["minimal.xlsx"] = zip_bytes(workbook([("Neraca", sheet(laporan_rows))], sst))
    seeds["multi-sheet-absolute.xlsx"] = zip_bytes(workbook(
        [("Neraca", sheet(laporan_rows)), ("Hasil Usaha", sheet('<row r="14"><c r="B14"><v>-42</v></c></row>')),
         ("Kosong", sheet(""))], sst, absolute=True))
    seeds["types-and-formulas.xlsx"] = zip_bytes(workbook([("Jenis", sheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> Kas </t></is></c>'
        '<c r="B1" t="b"><v>1</v></c><c r="C1" t="e"><v>#DIV/0!</v></c><c r="D1" t="d"><v>2021-12-31</v></c>'
        '<c r="E1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>'
        '<row r="2"><c r="A2"><f t="shared" ref="A2:A3" si="0">B1*2</f><v>2</v></c></row>'
        '<row r="3"><c r="A3"><f t="shared" si="0"/><v>4</v></c><c r="B3"><f>SUM(A1:A2)</f></c></row>'))]))
    seeds["no-refs.xlsx"] = zip_bytes(workbook([("S", sheet(
        "<row><c><v>1</v></c><c/><c><v>3</v></c></row><row><c t=\"inlineStr\"><is><t>x</t></is></c></row>"))]))
    seeds["prefixed.xlsx"] = zip_bytes(workbook([("Pref", sheet(
        '<x:row r="1"><x:c r="A1"><x:v>7</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:r><x:t>a</x:t></x:r>'
        "</x:is></x:c></x:row>", prefix="x"))]), zipfile.ZIP_STORED)
    seeds["realistic.xlsx"] = zip_bytes(workbook(
        [("Neraca", sheet(laporan_rows))], sst,
        extra=[("docProps/core.xml", "<cp:coreProperties xmlns:cp=\"x\"/>"),
               ("docProps/app.xml", "<Properties/>"),
               ("xl/styles.xml", f'<styleSheet xmlns="{MAIN}"><numFmts count="0"/></styleSheet>'),
               ("xl/theme/theme1.xml", "<a:theme xmlns:a=\"x\"/>")]))
    good = seeds["minimal.xlsx"]
    seeds["truncated.xlsx"] = good[: len(good) // 2]
    seeds["doctype-entities.xlsx"] = zip_bytes(workbook([("S", '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aa">'
                                                                '<!ENTITY b "&a;&a;&a;">]><worksheet><sheetData><row>'
                                                                '<c t="inlineStr"><is><t>&b;</t></is></c></row>'
                                                                "</sheetData></worksheet>")]))
    seeds["no-workbook.zip"] = zip_bytes([("readme.txt", "halo")])
    seeds["ods.xlsx"] = zip_bytes([("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
                                   ("content.xml", "<office:document-content/>")], zipfile.ZIP_STORED)
    seeds["docx.xlsx"] = zip_bytes([("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")])
    ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(504)
    seeds["legacy.xls"] = ole + "Workbook".encode("utf-16-le") + bytes(64)
    seeds["encrypted.xlsx"] = ole + "EncryptionInfo".encode("utf-16-le") + bytes(8) + \
        "EncryptedPackage".encode("utf-16-le") + bytes(64)
    seeds["statement.pdf"] = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    seeds["laporan.csv"] = b"akun;jumlah\nkas;1250000,50\npinjaman_anggota;900000\n"
    # The fuzz target's parts form (see fuzz/xlsx_fuzz.cc): workbook, its rels, shared strings, sheets, split by 0x01.
    def parts(sheets, sst_items, prefix=""):
        entries = dict(workbook([(n, sheet(rows, prefix)) for n, rows in sheets], sst_items))
        names = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml"] + \
            [f"xl/worksheets/sheet{i}.xml" for i in range(1, len(sheets) + 1)]
        return b"\x01".join(entries.get(n, "").encode() for n in names)
    seeds["parts-laporan.bin"] = parts([("Neraca", laporan_rows), ("Hasil Usaha", '<row r="14"><c r="B14"><v>-42</v>'
                                        '</c><c t="inlineStr"><is><r><t>a</t></r><rPh><t>b</t></rPh></is></c></row>')],
                                       sst)
    seeds["parts-prefixed.bin"] = parts([("P", '<x:row><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c>'
                                          '<x:c><x:f t="shared" si="0"/><x:v>3</x:v></x:c></x:row>')], "", prefix="x")
    for name, data in sorted(seeds.items()):
        if isinstance(data, str):
            data = data.encode()
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
    print(f"{len(seeds)} seeds in {OUT}")


if __name__ == "__main__":
    main()
