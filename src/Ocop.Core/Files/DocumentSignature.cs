using System.IO.Compression;

namespace Ocop.Core.Files;

/// <summary>
/// Recognises a dossier document (PDF, JPEG, PNG, WebP, DOCX, XLSX) by its content, never by its name or the
/// browser's claimed type. DOCX and XLSX are ZIP packages: only the entry names are read, never their contents.
/// </summary>
public static class DocumentSignature
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly IReadOnlyList<string> AcceptedTypes = [Pdf, "image/jpeg", "image/png", "image/webp", Docx, Xlsx];

    /// <summary>The MIME type the content really has, or null when it is not an accepted document.</summary>
    /// <param name="content">A seekable stream positioned anywhere; it is read from the start and left open.</param>
    public static string? Detect(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
        {
            throw new ArgumentException("The content must be seekable.", nameof(content));
        }

        content.Position = 0;
        Span<byte> header = stackalloc byte[16];
        var read = content.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        header = header[..read];

        if (header.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (ImageSignature.Detect(header) is { } image && image != "image/gif")
        {
            return image;
        }

        return header.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) ? OfficePackage(content) : null;
    }

    private static string? OfficePackage(Stream content)
    {
        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml", StringComparer.Ordinal))
            {
                return null;
            }

            var word = names.Exists(n => n.StartsWith("word/", StringComparison.Ordinal));
            var excel = names.Exists(n => n.StartsWith("xl/", StringComparison.Ordinal));
            return (word, excel) switch
            {
                (true, false) => Docx,
                (false, true) => Xlsx,
                _ => null,
            };
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    public static string Extension(string contentType) => contentType switch
    {
        Pdf => ".pdf",
        Docx => ".docx",
        Xlsx => ".xlsx",
        _ => ImageSignature.Extension(contentType),
    };

    /// <summary>A short Vietnamese name of the type, for lists.</summary>
    public static string Label(string contentType) => contentType switch
    {
        Pdf => "PDF",
        Docx => "Word",
        Xlsx => "Excel",
        "image/jpeg" => "JPEG",
        "image/png" => "PNG",
        "image/webp" => "WebP",
        _ => contentType,
    };
}
