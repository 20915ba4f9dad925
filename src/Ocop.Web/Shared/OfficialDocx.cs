using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Ocop.Web.Shared;

/// <summary>Who issues an administrative document and under which number, as its header prints them.</summary>
/// <param name="ParentIssuer">The governing body above the issuer ("UBND TỈNH A"); null when none is printed.</param>
/// <param name="Issuer">The issuing body ("UBND HUYỆN B", "HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP").</param>
/// <param name="Number">"Số: 123/QĐ-UBND"; left blank to fill in when signing.</param>
/// <param name="Place">Place name of the date line ("B").</param>
public sealed record OfficialHeader(string? ParentIssuer, string Issuer, string Number, string Place, DateOnly Date);

/// <summary>The signature block: authority line ("TM. ỦY BAN NHÂN DÂN"), title, and the signer's name.</summary>
public sealed record OfficialSignature(string? Authority, string Title, string Signer);

/// <summary>
/// Builds a Word document in the administrative format of Decree 30/2020/NĐ-CP: A4, Times New Roman,
/// margins 20 mm top and bottom, 30 mm left, 15 mm right; the two-column national header; a centred bold title;
/// justified body paragraphs with a first-line indent; signature on the right and recipients on the left.
/// Every office can open, edit and sign it in the word processor it already uses.
/// </summary>
public sealed class OfficialDocx
{
    private const string Font = "Times New Roman";
    private const int BodySize = 28; // half-points: 14 pt
    private const int SmallSize = 24; // 12 pt
    private const int TwipsPerMm = 57; // 1 mm ≈ 56.7 twips
    private const int TextWidthTwips = (210 - 30 - 15) * TwipsPerMm;

    private readonly List<OpenXmlElement> body = [];
    private readonly List<(string Id, byte[] Png)> pictures = [];

    public OfficialDocx(OfficialHeader header)
    {
        body.Add(HeaderTable(header));
    }

    /// <summary>The document kind in capitals ("QUYẾT ĐỊNH", "BIÊN BẢN", "THÔNG BÁO") and its subject line.</summary>
    public OfficialDocx Title(string kind, string? subject = null)
    {
        body.Add(Para(kind.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), JustificationValues.Center, bold: true, spaceBefore: 240));
        if (!string.IsNullOrWhiteSpace(subject))
        {
            body.Add(Para(subject, JustificationValues.Center, bold: true, spaceAfter: 240));
        }

        return this;
    }

    /// <summary>A centred line in bold, e.g. the authority that decides ("ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH").</summary>
    public OfficialDocx Centered(string text, bool bold = true, bool italic = false)
    {
        body.Add(Para(text, JustificationValues.Center, bold: bold, italic: italic, spaceAfter: 120));
        return this;
    }

    /// <summary>A justified body paragraph with a first-line indent.</summary>
    public OfficialDocx Paragraph(string text, bool italic = false)
    {
        body.Add(Para(text, JustificationValues.Both, italic: italic, firstLineIndent: 567, spaceAfter: 120));
        return this;
    }

    /// <summary>A paragraph opening with a bold lead ("Điều 1.") followed by plain text.</summary>
    public OfficialDocx Article(string lead, string text)
    {
        var p = Para(null, JustificationValues.Both, firstLineIndent: 567, spaceAfter: 120);
        p.Append(MakeRun(lead + " ", BodySize, bold: true), MakeRun(text, BodySize));
        body.Add(p);
        return this;
    }

    /// <summary>A bordered table with a bold header row; columns share the text width by the given weights.</summary>
    public OfficialDocx Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<int>? weights = null)
    {
        weights ??= headers.Select(_ => 1).ToList();
        var total = weights.Sum();
        var widths = weights.Select(w => TextWidthTwips * w / total).ToList();
        var border = new BorderType[] { new TopBorder(), new BottomBorder(), new LeftBorder(), new RightBorder(), new InsideHorizontalBorder(), new InsideVerticalBorder() };
        foreach (var b in border)
        {
            b.Val = BorderValues.Single;
            b.Size = 4;
        }

        var table = new Table(new TableProperties(
            new TableWidth { Width = TextWidthTwips.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(border.Select(b => b.CloneNode(true)))));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        table.Append(Row(headers, widths, bold: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, widths, bold: false));
        }

        body.Add(table);
        body.Add(Para(null, JustificationValues.Left));
        return this;
    }

    /// <summary>Signature on the right, recipients ("Nơi nhận") on the left, as Decree 30 lays them out.</summary>
    public OfficialDocx Signature(OfficialSignature signature, IReadOnlyList<string>? recipients = null)
    {
        var left = new List<Paragraph>();
        if (recipients is { Count: > 0 })
        {
            left.Add(Para("Nơi nhận:", JustificationValues.Left, bold: true, italic: true, size: SmallSize));
            left.AddRange(recipients.Select(r => Para("- " + r, JustificationValues.Left, size: 22)));
        }
        else
        {
            left.Add(Para(null, JustificationValues.Left));
        }

        var right = new List<Paragraph>();
        if (!string.IsNullOrWhiteSpace(signature.Authority))
        {
            right.Add(Para(signature.Authority, JustificationValues.Center, bold: true));
        }

        right.Add(Para(signature.Title, JustificationValues.Center, bold: true));
        right.Add(Para("(Ký, ghi rõ họ tên, đóng dấu)", JustificationValues.Center, italic: true, size: SmallSize, spaceAfter: 1200));
        right.Add(Para(signature.Signer, JustificationValues.Center, bold: true));

        body.Add(Para(null, JustificationValues.Left));
        body.Add(TwoColumns(left, right));
        return this;
    }

    /// <summary>A PNG picture, centred, with a small caption under it (the QR code that checks a certificate).</summary>
    public OfficialDocx Picture(byte[] png, int sizeMm, string name, string caption)
    {
        var id = "picture" + (pictures.Count + 1).ToString(CultureInfo.InvariantCulture);
        pictures.Add((id, png));
        var paragraph = Para(null, JustificationValues.Center, spaceBefore: 120);
        paragraph.Append(new Run(DocxPicture.Inline(id, (uint)pictures.Count, name, sizeMm)));
        body.Add(paragraph);
        body.Add(Para(caption, JustificationValues.Center, italic: true, size: SmallSize, spaceAfter: 120));
        return this;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddDefaultStyle(main);
            foreach (var (id, png) in pictures)
            {
                using var image = new MemoryStream(png);
                main.AddImagePart(ImagePartType.Png, id).FeedData(image);
            }

            var docBody = new Body(body.Select(e => e.CloneNode(true)));
            docBody.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 }, // A4 in twips
                new PageMargin
                {
                    Top = 20 * TwipsPerMm,
                    Bottom = 20 * TwipsPerMm,
                    Left = (uint)(30 * TwipsPerMm),
                    Right = (uint)(15 * TwipsPerMm),
                    Header = 720,
                    Footer = 720,
                    Gutter = 0,
                }));
            main.Document = new Document(docBody);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The date line of the header: "B, ngày 05 tháng 3 năm 2026" (days and months below 10 padded as Decree 30 asks for days 1–9 and months 1–2).</summary>
    public static string DateLine(string place, DateOnly date)
    {
        var day = date.Day < 10 ? "0" + date.Day.ToString(CultureInfo.InvariantCulture) : date.Day.ToString(CultureInfo.InvariantCulture);
        var month = date.Month < 3 ? "0" + date.Month.ToString(CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture);
        return $"{place}, ngày {day} tháng {month} năm {date.Year.ToString(CultureInfo.InvariantCulture)}";
    }

    private static Table HeaderTable(OfficialHeader header)
    {
        var left = new List<Paragraph>();
        if (!string.IsNullOrWhiteSpace(header.ParentIssuer))
        {
            left.Add(Para(header.ParentIssuer, JustificationValues.Center, size: 26));
        }

        left.Add(Para(header.Issuer, JustificationValues.Center, bold: true, size: 26, underline: true));
        left.Add(Para(header.Number, JustificationValues.Center, size: 26, spaceBefore: 120));

        var right = new List<Paragraph>
        {
            Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", JustificationValues.Center, bold: true, size: 26),
            Para("Độc lập - Tự do - Hạnh phúc", JustificationValues.Center, bold: true, underline: true),
            Para(DateLine(header.Place, header.Date), JustificationValues.Center, italic: true, spaceBefore: 120),
        };
        return TwoColumns(left, right, leftShare: 40);
    }

    private static Table TwoColumns(List<Paragraph> left, List<Paragraph> right, int leftShare = 45)
    {
        var leftWidth = TextWidthTwips * leftShare / 100;
        var rightWidth = TextWidthTwips - leftWidth;
        var none = new TableBorders(
            new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
            new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        var table = new Table(new TableProperties(
            new TableWidth { Width = TextWidthTwips.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }, none));
        table.Append(new TableGrid(
            new GridColumn { Width = leftWidth.ToString(CultureInfo.InvariantCulture) },
            new GridColumn { Width = rightWidth.ToString(CultureInfo.InvariantCulture) }));
        table.Append(new TableRow(Cell(left, leftWidth), Cell(right, rightWidth)));
        return table;
    }

    private static TableCell Cell(IEnumerable<Paragraph> paragraphs, int width)
    {
        var cell = new TableCell(new TableCellProperties(
            new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        cell.Append(paragraphs);
        return cell;
    }

    private static TableRow Row(IReadOnlyList<string> cells, List<int> widths, bool bold)
    {
        var row = new TableRow();
        for (var i = 0; i < widths.Count; i++)
        {
            var text = i < cells.Count ? cells[i] : "";
            row.Append(Cell([Para(text, bold ? JustificationValues.Center : JustificationValues.Left, bold: bold, size: SmallSize)], widths[i]));
        }

        return row;
    }

    private static Paragraph Para(string? text, JustificationValues align, bool bold = false, bool italic = false, bool underline = false,
        int size = BodySize, int firstLineIndent = 0, int spaceBefore = 0, int spaceAfter = 0)
    {
        var properties = new ParagraphProperties(
            new SpacingBetweenLines
            {
                Before = spaceBefore.ToString(CultureInfo.InvariantCulture),
                After = spaceAfter.ToString(CultureInfo.InvariantCulture),
            },
            new Justification { Val = align });
        if (firstLineIndent > 0)
        {
            properties.Append(new Indentation { FirstLine = firstLineIndent.ToString(CultureInfo.InvariantCulture) });
        }

        var paragraph = new Paragraph(properties);
        if (!string.IsNullOrEmpty(text))
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var run = MakeRun(lines[i], size, bold, italic, underline);
                if (i > 0)
                {
                    run.PrependChild(new Break());
                }

                paragraph.Append(run);
            }
        }

        return paragraph;
    }

    private static Run MakeRun(string text, int size, bool bold = false, bool italic = false, bool underline = false)
    {
        var properties = new RunProperties(
            new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
            new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        if (underline)
        {
            properties.Append(new Underline { Val = UnderlineValues.Single });
        }

        // Stripped again here: a character that is invalid in XML, saved before input was checked, would break the document.
        return new Run(properties, new Text(InputText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static void AddDefaultStyle(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = BodySize.ToString(CultureInfo.InvariantCulture) },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { Line = "288", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Styles.Save();
    }
}
