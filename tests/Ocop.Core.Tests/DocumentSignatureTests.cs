using System.IO.Compression;
using Ocop.Core.Files;

namespace Ocop.Core.Tests;

public class DocumentSignatureTests
{
    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A }, DocumentSignature.Pdf)]  // %PDF-1.7
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10 }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00 }, "image/png")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0x24, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50 }, "image/webp")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00 }, null)]                       // GIF is not a dossier document
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46 }, null)]                                                // "%PDF" without the dash
    [InlineData(new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E }, null)]                                   // <html> renamed to .pdf
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, null)]                                               // a Windows program
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00 }, null)]                                         // a broken ZIP
    [InlineData(new byte[] { }, null)]
    public void Plain_files_are_known_by_their_first_bytes(byte[] content, string? expected)
    {
        using var stream = new MemoryStream(content);
        Assert.Equal(expected, DocumentSignature.Detect(stream));
    }

    [Theory]
    [InlineData(new[] { "[Content_Types].xml", "_rels/.rels", "word/document.xml" }, DocumentSignature.Docx)]
    [InlineData(new[] { "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml" }, DocumentSignature.Xlsx)]
    [InlineData(new[] { "word/document.xml" }, null)]                                  // no [Content_Types].xml: not an Office package
    [InlineData(new[] { "[Content_Types].xml", "ppt/presentation.xml" }, null)]       // PowerPoint is not accepted
    [InlineData(new[] { "[Content_Types].xml", "word/document.xml", "xl/workbook.xml" }, null)] // ambiguous
    [InlineData(new[] { "photo.jpg", "readme.txt" }, null)]                           // an ordinary ZIP renamed to .docx
    public void Office_packages_are_known_by_their_parts(string[] entries, string? expected)
    {
        using var stream = Zip(entries);
        Assert.Equal(expected, DocumentSignature.Detect(stream));
    }

    [Fact]
    public void Detection_reads_from_the_start_whatever_the_position()
    {
        using var stream = Zip(["[Content_Types].xml", "word/document.xml"]);
        stream.Position = stream.Length;
        Assert.Equal(DocumentSignature.Docx, DocumentSignature.Detect(stream));
    }

    [Theory]
    [InlineData(DocumentSignature.Pdf, ".pdf")]
    [InlineData(DocumentSignature.Docx, ".docx")]
    [InlineData(DocumentSignature.Xlsx, ".xlsx")]
    [InlineData("image/jpeg", ".jpg")]
    [InlineData("image/webp", ".webp")]
    public void Stored_files_take_the_extension_of_their_real_type(string contentType, string extension) =>
        Assert.Equal(extension, DocumentSignature.Extension(contentType));

    private static MemoryStream Zip(IEnumerable<string> entries)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<x/>");
            }
        }

        stream.Position = 0;
        return stream;
    }
}
