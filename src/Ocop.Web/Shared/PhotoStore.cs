using Ocop.Core.Files;
using Ocop.Web.Data;
using SkiaSharp;

namespace Ocop.Web.Shared;

/// <summary>
/// Keeps uploaded photos in the data folder, outside the web root; served only through an access check. A photo is
/// decoded in full and written anew (SkiaSharp) in the two sizes the pages show: nothing of the uploaded bytes but
/// their pixels is kept, so a file that only begins like an image, or carries a script or a location after it, is
/// refused or comes out clean. Turned upright by its EXIF orientation, since the new file carries no EXIF.
/// </summary>
public sealed class PhotoStore(IConfiguration config, IHostEnvironment env)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>Longest side of the photo as the photo page serves it.</summary>
    public const int LargeSide = 1600;

    /// <summary>Longest side of the thumbnail on the product page.</summary>
    public const int ThumbnailSide = 400;

    /// <summary>A decoded image larger than this many pixels is refused: a small file can decode to gigabytes.</summary>
    public const long MaxPixels = 50_000_000;

    private readonly string folder = Directory.CreateDirectory(Path.Combine(DatabaseSetup.DataFolder(config, env), "photos")).FullName;

    public sealed record Saved(string StoredName, string ContentType, long SizeBytes, string OriginalName);

    /// <summary>Checks size and content, then stores the photo. Returns an error message in Vietnamese when refused.</summary>
    public async Task<(Saved? Photo, string? Error)> SaveAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length == 0)
        {
            return (null, "Tệp ảnh trống.");
        }

        if (file.Length > MaxBytes)
        {
            return (null, $"Ảnh quá lớn: tối đa {MaxBytes / 1024 / 1024} MB.");
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, ct);
        }

        if (ImageSignature.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, 16))) is null)
        {
            return (null, "Tệp không phải ảnh JPEG, PNG, WebP hoặc GIF.");
        }

        using var decoded = Decode(bytes, out var error);
        if (decoded is null)
        {
            return (null, error);
        }

        var opaque = decoded.AlphaType == SKAlphaType.Opaque || !HasTransparency(decoded);
        var (contentType, extension, format) = opaque
            ? ("image/jpeg", ".jpg", SKEncodedImageFormat.Jpeg)
            : ("image/png", ".png", SKEncodedImageFormat.Png);
        var storedName = Guid.NewGuid().ToString("N") + extension;
        var large = Encode(decoded, LargeSide, format);
        var thumbnail = Encode(decoded, ThumbnailSide, format);
        await File.WriteAllBytesAsync(Path.Combine(folder, storedName), large, ct);
        await File.WriteAllBytesAsync(Path.Combine(folder, ThumbnailName(storedName)), thumbnail, ct);
        return (new Saved(storedName, contentType, large.Length, FileNames.Clean(file.FileName, "anh" + extension)), null);
    }

    public string PathOf(string storedName) => Path.Combine(folder, Path.GetFileName(storedName));

    /// <summary>The thumbnail's path; photos stored before thumbnails existed fall back to the photo itself.</summary>
    public string ThumbnailPathOf(string storedName)
    {
        var thumbnail = Path.Combine(folder, ThumbnailName(Path.GetFileName(storedName)));
        return File.Exists(thumbnail) ? thumbnail : PathOf(storedName);
    }

    private static string ThumbnailName(string storedName) =>
        Path.GetFileNameWithoutExtension(storedName) + "-thumb" + Path.GetExtension(storedName);

    private static SKBitmap? Decode(byte[] bytes, out string? error)
    {
        error = "Tệp ảnh bị hỏng hoặc không đọc được: hãy chụp hoặc lưu lại ảnh rồi tải lên.";
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }

        if ((long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            error = $"Ảnh có kích thước quá lớn ({codec.Info.Width} × {codec.Info.Height} điểm ảnh): tối đa 50 triệu điểm ảnh.";
            return null;
        }

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888,
            codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        // Every row must decode: a file cut short or padded with something else than image data is refused.
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            return null;
        }

        return Upright(bitmap, codec.EncodedOrigin);
    }

    private static SKBitmap Upright(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return bitmap;
        }

        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var rotated = new SKBitmap(new SKImageInfo(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height, bitmap.ColorType, bitmap.AlphaType));
        using (var canvas = new SKCanvas(rotated))
        {
            var (w, h) = (bitmap.Width, bitmap.Height);
            var matrix = origin switch
            {
                SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
                SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
                SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
                SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
                SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
                SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
                SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
                _ => SKMatrix.Identity,
            };
            canvas.SetMatrix(matrix);
            using var image = SKImage.FromBitmap(bitmap);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        }

        bitmap.Dispose();
        return rotated;
    }

    private static bool HasTransparency(SKBitmap bitmap)
    {
        foreach (var pixel in bitmap.Pixels)
        {
            if (pixel.Alpha != 255)
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] Encode(SKBitmap bitmap, int longestSide, SKEncodedImageFormat format)
    {
        var scale = Math.Min(1.0, (double)longestSide / Math.Max(bitmap.Width, bitmap.Height));
        var width = Math.Max(1, (int)Math.Round(bitmap.Width * scale));
        var height = Math.Max(1, (int)Math.Round(bitmap.Height * scale));
        using var resized = scale < 1.0
            ? bitmap.Resize(new SKImageInfo(width, height, bitmap.ColorType, bitmap.AlphaType), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
            : bitmap.Copy();
        using var image = SKImage.FromBitmap(resized);
        using var data = image.Encode(format, 85);
        return data.ToArray();
    }
}
