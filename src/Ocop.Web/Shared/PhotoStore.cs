using Ocop.Core.Files;
using Ocop.Web.Data;

namespace Ocop.Web.Shared;

/// <summary>Keeps uploaded photos in the data folder, outside the web root; served only through an access check.</summary>
public sealed class PhotoStore(IConfiguration config, IHostEnvironment env)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    private readonly string folder = Directory.CreateDirectory(Path.Combine(DatabaseSetup.DataFolder(config, env), "photos")).FullName;

    public sealed record Saved(string StoredName, string ContentType, long SizeBytes);

    /// <summary>Checks size and content, then stores the file. Returns an error message in Vietnamese when refused.</summary>
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

        var header = new byte[16];
        await using (var stream = file.OpenReadStream())
        {
            var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
            header = header[..read];
        }

        var contentType = ImageSignature.Detect(header);
        if (contentType is null)
        {
            return (null, "Tệp không phải ảnh JPEG, PNG, WebP hoặc GIF.");
        }

        var storedName = Guid.NewGuid().ToString("N") + ImageSignature.Extension(contentType);
        await using (var target = File.Create(Path.Combine(folder, storedName)))
        {
            await file.CopyToAsync(target, ct);
        }

        return (new Saved(storedName, contentType, file.Length), null);
    }

    public string PathOf(string storedName) => Path.Combine(folder, Path.GetFileName(storedName));
}
