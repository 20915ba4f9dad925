using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Support;

/// <summary>The files of a record of section III as the shared file field shows them.</summary>
public sealed record SectionFilesView(IReadOnlyList<SectionFile> Attached, string Legend);

/// <summary>An input that carries the version of the record it was read from.</summary>
public interface IVersionedInput
{
    int Version { get; }
    bool IsArchived { get; }
}

/// <summary>
/// The form every register of section III shares: a record the user may not read is not found, one they may read but
/// not change is forbidden; a stale form, a refused field or a place out of reach come back with messages and nothing is
/// written; a record is archived, never deleted, and every change goes into the audit trail.
/// </summary>
public abstract class RegisterEditPage<TEntity, TInput>(SectionContext section) : PageModel
    where TEntity : class, IVersioned where TInput : class, IVersionedInput, new()
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public TInput Input { get; set; } = new();
    /// <summary>Files attached on this save (evidence, materials), for registers that keep files.</summary>
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    /// <summary>The files already attached to the record.</summary>
    public List<SectionFile> Attached { get; private set; } = [];

    /// <summary>What the shared file field shows: the files attached, under this heading.</summary>
    public SectionFilesView FilesView => new(Attached, FilesLegend);

    protected virtual string FilesLegend => "Tệp đính kèm";

    /// <summary>The owner type of the record's files (<see cref="SectionFile.OwnerType"/>); null for a register without files.</summary>
    protected virtual string? FileOwnerType => null;

    protected SectionContext Section => section;

    protected abstract SectionRegister Register { get; }
    protected abstract string ListUrl { get; }
    protected abstract string SavedMessage { get; }

    /// <summary>The record with what its access depends on (its product, its subject); tracked for a save.</summary>
    protected abstract Task<TEntity?> FindAsync(int id, CancellationToken ct);

    protected abstract RecordAccess AccessTo(SectionScope scope, TEntity entity);

    protected abstract TInput ToInput(TEntity entity);

    /// <summary>The checks beyond the annotations; each refusal goes to its field.</summary>
    protected abstract Task ValidateAsync(SectionScope scope, TEntity? existing, CancellationToken ct);

    protected abstract TEntity Add();

    protected abstract void Apply(TEntity entity, bool isNew);

    protected abstract Task LoadOptionsAsync(CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        if (!SupportAccess.CanAdd(Register, scope.Role))
        {
            return Forbid();
        }

        if (Id is int id)
        {
            var entity = await FindAsync(id, ct);
            var refused = Refusal(scope, entity);
            if (refused is not null)
            {
                return refused;
            }

            Input = ToInput(entity!);
        }

        await LoadAttachedAsync(ct);
        await LoadOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        if (!SupportAccess.CanAdd(Register, scope.Role))
        {
            return Forbid();
        }

        TEntity? entity = null;
        if (Id is int id)
        {
            entity = await FindAsync(id, ct);
            var refused = Refusal(scope, entity);
            if (refused is not null)
            {
                return refused;
            }

            if (entity!.Version != Input.Version)
            {
                ModelState.AddModelError("", SectionForms.Stale);
            }
        }

        await ValidateAsync(scope, entity, ct);
        if (FileOwnerType is null && Files.Count > 0)
        {
            ModelState.AddModelError("Files", "Hồ sơ này không đính kèm tệp.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAttachedAsync(ct);
            await LoadOptionsAsync(ct);
            return Page();
        }

        // Files are checked and stored first; a refused file writes nothing, a failed save removes what was stored.
        var stored = new List<(IFormFile File, Dossiers.DocumentStore.Saved Saved)>();
        var store = HttpContext.RequestServices.GetRequiredService<Dossiers.DocumentStore>();
        try
        {
            foreach (var file in Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)))
            {
                var (saved, error) = await store.SaveAsync(file, ct);
                if (error is not null)
                {
                    ModelState.AddModelError("Files", $"{Dossiers.DocumentStore.OriginalName(file.FileName)}: {error}");
                    continue;
                }

                stored.Add((file, saved!));
            }

            if (!ModelState.IsValid)
            {
                Discard(store, stored);
                await LoadAttachedAsync(ct);
                await LoadOptionsAsync(ct);
                return Page();
            }

            var isNew = entity is null;
            await using var transaction = await section.Db.Database.BeginTransactionAsync(ct);
            entity ??= Add();
            Apply(entity, isNew);
            await section.Db.SaveChangesAsync(ct);
            if (stored.Count > 0)
            {
                var ownerId = (int)section.Db.Entry(entity).Property(nameof(SectionFile.Id)).CurrentValue!;
                section.Db.SectionFiles.AddRange(stored.Select(s => new SectionFile
                {
                    OwnerType = FileOwnerType!,
                    OwnerId = ownerId,
                    StoredName = s.Saved.StoredName,
                    OriginalName = Dossiers.DocumentStore.OriginalName(s.File.FileName),
                    ContentType = s.Saved.ContentType,
                    SizeBytes = s.Saved.SizeBytes,
                    UploadedAt = HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
                }));
                await section.Db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
        catch
        {
            Discard(store, stored);
            throw;
        }

        TempData["Message"] = SavedMessage;
        return Redirect(ListUrl);
    }

    private static void Discard(Dossiers.DocumentStore store, List<(IFormFile File, Dossiers.DocumentStore.Saved Saved)> stored)
    {
        foreach (var (_, saved) in stored)
        {
            store.Discard(saved.StoredName);
        }
    }

    private async Task LoadAttachedAsync(CancellationToken ct)
    {
        if (FileOwnerType is string type && Id is int id)
        {
            Attached = await section.Db.SectionFiles.AsNoTracking().Where(f => f.OwnerType == type && f.OwnerId == id && !f.IsArchived)
                .OrderBy(f => f.Id).ToListAsync(ct);
        }
    }

    private IActionResult? Refusal(SectionScope scope, TEntity? entity)
    {
        var access = entity is null ? RecordAccess.None : AccessTo(scope, entity);
        return access switch
        {
            RecordAccess.None => NotFound(),
            RecordAccess.Read => Forbid(),
            _ => null,
        };
    }
}
