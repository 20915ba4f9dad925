using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Dossiers;
using Ocop.Core.Evaluation;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Dossiers;

/// <summary>
/// Opens a dossier for a product and year: the one write path of the dossier form and the API. An upgrade or a
/// re-evaluation starts from a copy of the product's last dossier (<see cref="DossierCopy"/>) and is tied to the
/// certificate it renews; one dossier per product and year until it is evaluated.
/// </summary>
public sealed class OpenDossier(OcopDbContext db)
{
    public sealed class Command
    {
        /// <summary>The product (required); the dossier form sets it from its route, never from the form.</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever] public int? ProductId { get; set; }
        [Required(ErrorMessage = "Nhập năm."), Range(2018, 2100, ErrorMessage = "Năm từ 2018 đến 2100.")] public int? Year { get; set; }
        [Required(ErrorMessage = "Chọn loại hồ sơ.")] public DossierVariant? Variant { get; set; }
        [StringLength(DossierChanges.NotesMaxLength, ErrorMessage = "Tối đa 4.000 ký tự.")] public string? Notes { get; set; }
    }

    /// <param name="CopiedDocuments">Documents carried over from the last dossier (0 for a first evaluation).</param>
    public sealed record Opened(int Id, int Version, int? CopiedFromId, int CopiedDocuments);

    /// <param name="save">False checks the command without writing it (a form whose other fields could not even be read).</param>
    public async Task<WriteResult<Opened>> RunAsync(UserScope scope, Command command, bool save = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        var errors = FieldErrorList.Annotations(command);
        if (command.ProductId is not int productId)
        {
            errors.Add(nameof(Command.ProductId), "Chọn sản phẩm.");
            return WriteResult.Invalid<Opened>(errors);
        }

        var product = await scope.Visible(db.Products).AsNoTracking().Where(p => p.Id == productId)
            .Select(p => new { p.CommuneId, p.SubjectId, p.Status }).SingleOrDefaultAsync(ct);
        if (product is null)
        {
            return WriteResult.NotFound<Opened>("Không tìm thấy sản phẩm.");
        }

        if (product.Status == ProductStatus.Archived)
        {
            return WriteResult.Refused<Opened>("Sản phẩm đã lưu trữ: khôi phục trước khi lập hồ sơ.");
        }

        if (!DossierRules.MayAct(scope.Role, scope.CanEdit(product.CommuneId, product.SubjectId), DossierAction.Edit))
        {
            return WriteResult.Refused<Opened>("Bạn không được lập hồ sơ cho sản phẩm này.");
        }

        if (command.Variant is { } chosen && !Enum.IsDefined(chosen))
        {
            errors.Add(nameof(Command.Variant), "Loại hồ sơ không hợp lệ.");
        }

        if (!errors.Any)
        {
            var sameYear = await db.Dossiers.AsNoTracking().Where(d => d.ProductId == productId && d.Year == command.Year)
                .Select(d => d.State).ToListAsync(ct);
            if (DossierChanges.OpenProblem(sameYear.Select(s => (DossierStage)(int)s)) is { } problem)
            {
                errors.Add(nameof(Command.Year), problem);
            }
        }

        if (errors.Any)
        {
            return WriteResult.Invalid<Opened>(errors);
        }

        if (!save)
        {
            return WriteResult.Done(new Opened(0, 0, null, 0));
        }

        // A re-evaluation (or an upgrade) is tied to the certificate it renews: the product's newest one still standing.
        var certificateId = command.Variant is DossierVariant.FirstEvaluation ? null : await DossierCertificates.RenewableAsync(db, productId, ct);
        var dossier = await DossierCopy.StartAsync(db, productId, command.Year!.Value, command.Variant!.Value, certificateId, ct);
        if (!string.IsNullOrWhiteSpace(command.Notes))
        {
            dossier.Notes = command.Notes.Trim();
        }

        await db.SaveChangesAsync(ct);
        return WriteResult.Done(new Opened(dossier.Id, dossier.Version, dossier.CopiedFromId, dossier.Documents.Count));
    }
}
