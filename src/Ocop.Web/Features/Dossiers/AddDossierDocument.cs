using Microsoft.EntityFrameworkCore;
using Ocop.Core.Dossiers;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Dossiers;

/// <summary>
/// Adds a file to an item of a dossier's checklist (its type read from its content, its size limited, by
/// <see cref="DocumentStore"/>), or takes one off: a removed file is archived, never deleted, and stays in the history.
/// The dossier page and the API call these handlers; both only while the dossier is open for changes.
/// </summary>
public sealed class AddDossierDocument(OcopDbContext db, DocumentStore store, TimeProvider clock)
{
    /// <summary>The fields of the upload, as the page's form and the API's multipart body name them.</summary>
    public const string ItemField = "item";
    public const string FileField = "file";

    public sealed record Command(int DossierId, int? ItemId, IFormFile? File);

    public sealed record Added(int DocumentId, string OriginalName, string ItemTitle);

    public sealed record Removed(int DocumentId, string OriginalName);

    public async Task<WriteResult<Added>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        var facts = await DossierFacts.LoadAsync(db, scope, command.DossierId, track: false, ct);
        if (facts is null)
        {
            return WriteResult.NotFound<Added>("Không tìm thấy hồ sơ.");
        }

        if (facts.Refusal(scope, DossierAction.Edit) is { } refusal)
        {
            return WriteResult.Refused<Added>(refusal);
        }

        var errors = new FieldErrorList();
        var item = facts.Items.Find(i => i.Id == command.ItemId);
        if (item is null)
        {
            errors.Add(ItemField, "Chọn giấy tờ trong danh mục.");
        }

        if (command.File is null)
        {
            errors.Add(FileField, "Chọn một tệp.");
        }

        if (errors.Any)
        {
            return WriteResult.Invalid<Added>(errors);
        }

        var (saved, error) = await store.SaveAsync(command.File!, ct);
        if (saved is null)
        {
            errors.Add(FileField, error!);
            return WriteResult.Invalid<Added>(errors);
        }

        var document = new DossierDocument
        {
            DossierId = command.DossierId,
            ChecklistItemId = item!.Id,
            StoredName = saved.StoredName,
            ContentType = saved.ContentType,
            SizeBytes = saved.SizeBytes,
            OriginalName = DocumentStore.OriginalName(command.File!.FileName),
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.DossierDocuments.Add(document);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // The row was never written: the stored file would belong to nothing.
            store.Discard(saved.StoredName);
            throw;
        }

        return WriteResult.Done(new Added(document.Id, document.OriginalName, item.Title));
    }

    /// <summary>Takes a file off the dossier; it stays stored, in the history, and in the dossiers copied from this one.</summary>
    public async Task<WriteResult<Removed>> RemoveAsync(UserScope scope, int dossierId, int documentId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var facts = await DossierFacts.LoadAsync(db, scope, dossierId, track: false, ct);
        if (facts is null)
        {
            return WriteResult.NotFound<Removed>("Không tìm thấy hồ sơ.");
        }

        if (facts.Refusal(scope, DossierAction.Edit) is { } refusal)
        {
            return WriteResult.Refused<Removed>(refusal);
        }

        var document = await db.DossierDocuments.SingleOrDefaultAsync(f => f.Id == documentId && f.DossierId == dossierId && !f.IsArchived, ct);
        if (document is null)
        {
            return WriteResult.NotFound<Removed>("Không tìm thấy tệp trong hồ sơ.");
        }

        document.IsArchived = true;
        await db.SaveChangesAsync(ct);
        return WriteResult.Done(new Removed(document.Id, document.OriginalName));
    }
}
