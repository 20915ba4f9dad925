using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Taxonomy;

/// <summary>
/// Corrects a product group of the taxonomy (Decision 148): its name, its legal basis, whether it is retired. Codes stay
/// fixed because scoresheets and products refer to them; the directory's version moves, so pickers offer the new state.
/// </summary>
public sealed class SaveCategory(OcopDbContext db)
{
    public const string StaleMessage = "Nhóm sản phẩm vừa được người khác thay đổi. Tải lại trang rồi sửa lại.";

    public sealed class Command
    {
        /// <summary>The group changed. Set by the caller from the route, never from the body.</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever, System.Text.Json.Serialization.JsonIgnore]
        public int Id { get; set; }
        [Required(ErrorMessage = "Nhập tên."), StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")] public string Name { get; set; } = "";
        [Required(ErrorMessage = "Nhập căn cứ pháp lý."), StringLength(120, ErrorMessage = "Tối đa 120 ký tự.")] public string LegalBasis { get; set; } = "";
        public bool IsArchived { get; set; }
        public int Version { get; set; }
    }

    public sealed record Saved(int Id, string Code, int Version);

    public async Task<WriteResult<Saved>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        if (!RegistryAccess.CanEditReferenceData(scope.Role))
        {
            return WriteResult.Refused<Saved>("Bạn không được sửa danh mục nhóm sản phẩm.");
        }

        var category = await db.ProductCategories.SingleOrDefaultAsync(c => c.Id == command.Id, ct);
        if (category is null)
        {
            return WriteResult.NotFound<Saved>("Không tìm thấy nhóm sản phẩm.");
        }

        if (category.Version != command.Version)
        {
            return WriteResult.Stale<Saved>(StaleMessage);
        }

        var errors = FieldErrorList.Annotations(command);
        if (errors.Any)
        {
            return WriteResult.Invalid<Saved>(errors);
        }

        category.Name = command.Name.Trim();
        category.LegalBasis = command.LegalBasis.Trim();
        category.IsArchived = command.IsArchived;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WriteResult.Stale<Saved>(StaleMessage);
        }

        return WriteResult.Done(new Saved(category.Id, category.Code, category.Version));
    }
}
