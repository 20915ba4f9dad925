using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Rounds;

/// <summary>
/// Adds a product to an open round, fixed for good to the newest published scoresheet of its product set under the
/// round's legal basis, with the accepted dossier of the round's year when there is one (a paper dossier may still be
/// missing). Every scoring member's sheet for it is made in the same transaction.
/// </summary>
public sealed class AddRoundProduct(OcopDbContext db)
{
    public sealed class Command
    {
        public int RoundId { get; set; }
        public int? ProductId { get; set; }
    }

    public sealed record Added(int RoundProductId, string ProductName, string SheetCode, int SheetVersion, int? DossierId);

    public async Task<WriteResult<Added>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        if (await RoundAccess.CheckAsync<Added>(db, scope, command.RoundId, RoundAction.AddProduct, ct) is { } refused)
        {
            return refused;
        }

        var round = await db.EvaluationRounds.AsNoTracking().Where(r => r.Id == command.RoundId).Select(r => new { r.LegalBasisCode, r.OpensOn }).SingleAsync(ct);
        var errors = new FieldErrorList();
        var product = command.ProductId is int productId
            ? await scope.Visible(db.Products).AsNoTracking().Where(p => p.Id == productId && p.Status != Core.Registry.ProductStatus.Archived)
                .Select(p => new { p.Id, p.Name, p.Category!.ProductSet, ParentSet = p.Category.Parent != null ? p.Category.Parent.ProductSet : null })
                .SingleOrDefaultAsync(ct)
            : null;
        ScoresheetRecord? sheet = null;
        if (product is null)
        {
            errors.Add(nameof(Command.ProductId), "Chọn sản phẩm.");
        }
        else if (await db.RoundProducts.AnyAsync(p => p.RoundId == command.RoundId && p.ProductId == product.Id, ct))
        {
            errors.Add(nameof(Command.ProductId), "Sản phẩm đã có trong đợt đánh giá.");
        }
        else if ((product.ProductSet ?? product.ParentSet) is not int set)
        {
            errors.Add(nameof(Command.ProductId), "Nhóm sản phẩm của sản phẩm chưa gắn với bộ sản phẩm nào, nên không có phiếu chấm.");
        }
        else
        {
            // The newest published version at the time; the product keeps it for good.
            sheet = await db.Scoresheets.AsNoTracking()
                .Where(s => s.LegalBasisCode == round.LegalBasisCode && s.ProductSetNumber == set && s.Status == ScoresheetStatus.Published)
                .OrderByDescending(s => s.SheetVersion).FirstOrDefaultAsync(ct);
            if (sheet is null)
            {
                var basisTitle = await db.LegalBases.AsNoTracking().Where(b => b.Code == round.LegalBasisCode).Select(b => b.Title).FirstOrDefaultAsync(ct) ?? round.LegalBasisCode;
                errors.Add(nameof(Command.ProductId),
                    $"Chưa có phiếu chấm đã ban hành cho bộ sản phẩm số {set.ToString(CultureInfo.InvariantCulture)} theo {basisTitle}.");
            }
        }

        if (errors.Any)
        {
            return WriteResult.Invalid<Added>(errors);
        }

        // An accepted dossier of the round's year is linked when there is one; without it the product may still be
        // added (dossiers may still be on paper), and the page says so.
        var year = round.OpensOn.Year;
        var dossierId = await db.Dossiers.AsNoTracking()
            .Where(d => d.ProductId == product!.Id && d.Year == year && d.State == DossierState.Accepted)
            .OrderByDescending(d => d.Id).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = db.RoundProducts.Add(new RoundProduct { RoundId = command.RoundId, ProductId = product!.Id, ScoresheetId = sheet!.Id, DossierId = dossierId }).Entity;
        await db.SaveChangesAsync(ct);
        await RoundSheets.SyncAsync(db, command.RoundId, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return WriteResult.Done(new Added(row.Id, product.Name, sheet.ProductSetCode, sheet.SheetVersion, dossierId));
    }
}
