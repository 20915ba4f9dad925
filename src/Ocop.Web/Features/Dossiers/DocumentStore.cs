using Ocop.Core.Files;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Dossiers;

/// <summary>Keeps dossier documents in the data folder (dossiers/), outside the web root; served only after an access check.</summary>
public sealed class DocumentStore(IConfiguration config, IHostEnvironment env)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>Request limit a little above <see cref="MaxBytes"/>, so a slightly larger file still gets the friendly message.</summary>
    public const long RequestLimit = MaxBytes + (5 * 1024 * 1024);

    private readonly string folder = Directory.CreateDirectory(Path.Combine(DatabaseSetup.DataFolder(config, env), "dossiers")).FullName;

    public sealed record Saved(string StoredName, string ContentType, long SizeBytes);

    /// <summary>Checks size and content, then stores the file. Returns a Vietnamese error and stores nothing when refused.</summary>
    public async Task<(Saved? Document, string? Error)> SaveAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length == 0)
        {
            return (null, "Tệp trống.");
        }

        if (file.Length > MaxBytes)
        {
            return (null, $"Tệp quá lớn ({Ocop.Web.Shared.Display.Number(file.Length / 1024 / 1024)} MB): mỗi tệp tối đa {MaxBytes / 1024 / 1024} MB.");
        }

        // Written to a temporary name first: the type of a DOCX or XLSX is only known after reading its package.
        var temporary = Path.Combine(folder, "upload-" + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            string? contentType;
            await using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true))
            {
                await file.CopyToAsync(target, ct);
                contentType = DocumentSignature.Detect(target);
            }

            if (contentType is null)
            {
                return (null, "Nội dung tệp không phải PDF, ảnh (JPEG, PNG, WebP), Word (DOCX) hoặc Excel (XLSX). Hệ thống kiểm tra nội dung tệp, không dựa vào tên tệp.");
            }

            var storedName = Guid.NewGuid().ToString("N") + DocumentSignature.Extension(contentType);
            File.Move(temporary, Path.Combine(folder, storedName));
            return (new Saved(storedName, contentType, file.Length), null);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>
    /// Stores every file or none: each refused file adds its reason (with the file's name) to <paramref name="field"/>,
    /// and then the ones already stored are removed, so a refused upload leaves nothing behind.
    /// </summary>
    public async Task<List<(IFormFile File, Saved Saved)>> SaveAllAsync(
        IEnumerable<IFormFile> files, Ocop.Web.Shared.FieldErrorList errors, string field, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(errors);
        var stored = new List<(IFormFile File, Saved Saved)>();
        var refused = false;
        foreach (var file in files)
        {
            var (saved, error) = await SaveAsync(file, ct);
            if (error is not null)
            {
                errors.Add(field, $"{OriginalName(file.FileName)}: {error}");
                refused = true;
                continue;
            }

            stored.Add((file, saved!));
        }

        if (refused)
        {
            stored.ForEach(s => Discard(s.Saved.StoredName));
            stored.Clear();
        }

        return stored;
    }

    /// <summary>The uploaded file's own name as shown to users, cleaned (see <see cref="FileNames"/>).</summary>
    public static string OriginalName(string fileName) => FileNames.Clean(fileName);

    public string PathOf(string storedName) => Path.Combine(folder, Path.GetFileName(storedName));

    /// <summary>Removes a file whose database row was never written (the save failed after the file was stored).</summary>
    public void Discard(string storedName)
    {
        var path = PathOf(storedName);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
