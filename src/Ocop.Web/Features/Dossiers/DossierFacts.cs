using Microsoft.EntityFrameworkCore;
using Ocop.Core.Dossiers;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Dossiers;

/// <summary>
/// A dossier as its rules see it: the product facts that decide who may act on it, the checklist items that apply to
/// its product group and variant, its current documents and its completeness. Read the same way by the dossier page,
/// the use cases and the API.
/// </summary>
public sealed class DossierFacts
{
    /// <summary>The dossier with its current (not archived) documents, oldest first.</summary>
    public required Dossier Dossier { get; init; }
    public required string ProductName { get; init; }
    public required string SubjectName { get; init; }
    public required string CommuneName { get; init; }
    public required string CommuneCode { get; init; }
    public required string CategoryCode { get; init; }
    public required int CommuneId { get; init; }
    public required int SubjectId { get; init; }
    public required ProductStatus ProductStatus { get; init; }
    /// <summary>The checklist items that apply, in the checklist's order.</summary>
    public required List<DossierChecklistItem> Items { get; init; }
    public required Completeness Completeness { get; init; }

    public DossierStage Stage => (DossierStage)(int)Dossier.State;

    /// <summary>The user may change the dossier's product (and so act on the dossier at all): in reach, and not archived.</summary>
    public bool EditsProduct(UserScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.CanEdit(CommuneId, SubjectId) && ProductStatus != ProductStatus.Archived;
    }

    /// <summary>Why the user may not take the action now, or null (<see cref="DossierChanges.Refusal"/>).</summary>
    public string? Refusal(UserScope scope, DossierAction action)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return DossierChanges.Refusal(scope.Role, EditsProduct(scope), Stage, action);
    }

    /// <summary>
    /// The dossier if the user may see its product, else null (another commune's dossier answers exactly like a missing
    /// one). <paramref name="track"/> loads it for a change.
    /// </summary>
    public static async Task<DossierFacts?> LoadAsync(OcopDbContext db, UserScope scope, int id, bool track, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var dossiers = track ? db.Dossiers : db.Dossiers.AsNoTracking();
        var dossier = await dossiers
            .Include(d => d.Documents.Where(f => !f.IsArchived).OrderBy(f => f.UploadedAt).ThenBy(f => f.Id))
            .Where(d => d.Id == id && scope.Visible(db.Products).Any(p => p.Id == d.ProductId))
            .SingleOrDefaultAsync(ct);
        if (dossier is null)
        {
            return null;
        }

        var product = await db.Products.AsNoTracking().Where(p => p.Id == dossier.ProductId)
            .Select(p => new
            {
                p.Name,
                SubjectName = p.Subject!.Name,
                CommuneName = p.Commune!.Name,
                CommuneCode = p.Commune.Code,
                p.Category!.Code,
                p.CommuneId,
                p.SubjectId,
                p.Status,
            })
            .SingleAsync(ct);
        var checklist = await db.DossierChecklist.AsNoTracking().Where(i => !i.IsArchived).ToListAsync(ct);
        var items = checklist
            .Where(i => DossierRules.Applies(i.CategoryPrefix, i.OnlyFor, product.Code, dossier.Variant))
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Id)
            .ToList();
        var completeness = DossierRules.Assess(
            items.Select(i => new ChecklistEntry(i.Id, i.Title, i.Required)),
            dossier.Documents.Where(f => f.ChecklistItemId is not null).Select(f => f.ChecklistItemId!.Value).ToHashSet());
        return new DossierFacts
        {
            Dossier = dossier,
            ProductName = product.Name,
            SubjectName = product.SubjectName,
            CommuneName = product.CommuneName,
            CommuneCode = product.CommuneCode,
            CategoryCode = product.Code,
            CommuneId = product.CommuneId,
            SubjectId = product.SubjectId,
            ProductStatus = product.Status,
            Items = items,
            Completeness = completeness,
        };
    }
}
