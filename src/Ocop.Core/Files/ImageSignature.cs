namespace Ocop.Core.Files;

/// <summary>Recognises an image by its first bytes, never by the file name or the browser's claimed type.</summary>
public static class ImageSignature
{
    public static readonly IReadOnlyList<string> AcceptedTypes = ["image/jpeg", "image/png", "image/webp", "image/gif"];

    /// <summary>The MIME type the content really has, or null when it is not an accepted image.</summary>
    public static string? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        return null;
    }

    public static string Extension(string contentType) => contentType switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/webp" => ".webp",
        "image/gif" => ".gif",
        _ => throw new ArgumentOutOfRangeException(nameof(contentType), contentType, "Not an accepted image type."),
    };
}
