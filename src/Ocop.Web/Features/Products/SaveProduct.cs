using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Products;

/// <summary>
/// Creates or changes a product: the one write path of the product form, the API and the importer. Every rule is
/// checked here; nothing is written unless all pass.
/// </summary>
public sealed class SaveProduct(OcopDbContext db)
{
    public const string StaleMessage = "Sản phẩm vừa được người khác thay đổi. Tải lại trang để xem bản mới rồi sửa lại.";

    // Looked up once per handler (a request, or a whole import).
    private readonly Dictionary<(int Commune, int? Current, DateOnly? On), string?> communeProblems = [];
    private HashSet<int>? leafCategories;

    /// <summary>A product as a form, an API client or an import row gives it. <see cref="Id"/> null creates one.</summary>
    public sealed class Command
    {
        /// <summary>The product changed; null for a new one. Set by the caller from the route, never from the body.</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever, System.Text.Json.Serialization.JsonIgnore]
        public int? Id { get; set; }
        [Required(ErrorMessage = "Nhập tên sản phẩm."), StringLength(250, ErrorMessage = "Tên tối đa 250 ký tự.")]
        public string Name { get; set; } = "";
        [Required(ErrorMessage = "Chọn chủ thể.")] public int? SubjectId { get; set; }
        [Required(ErrorMessage = "Chọn xã sản xuất.")] public int? CommuneId { get; set; }
        [Required(ErrorMessage = "Chọn nhóm sản phẩm.")] public int? CategoryId { get; set; }
        public ProductStatus Status { get; set; } = ProductStatus.Potential;
        public List<ProductStandards> Standards { get; set; } = [];
        [StringLength(14, ErrorMessage = "Mã vạch tối đa 14 chữ số."), GtinCheck] public string? Gtin { get; set; }
        [StringLength(4000, ErrorMessage = "Mô tả tối đa 4.000 ký tự.")] public string? Description { get; set; }
        [StringLength(8000, ErrorMessage = "Câu chuyện tối đa 8.000 ký tự.")] public string? Story { get; set; }
        /// <summary>The version the change was made from (a change only).</summary>
        public int Version { get; set; }
    }

    /// <param name="Changed">Anything differs from what was recorded (always for a new one).</param>
    public sealed record Saved(int Id, int Version, bool Created, bool Changed);

    /// <param name="save">False when the caller saves many commands at once in its own transaction (the importer).</param>
    public async Task<WriteResult<Saved>> RunAsync(UserScope scope, Command command, bool save = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        Product? product = null;
        if (command.Id is int id)
        {
            product = await scope.Visible(db.Products).SingleOrDefaultAsync(p => p.Id == id, ct);
            if (product is null)
            {
                return WriteResult.NotFound<Saved>("Không tìm thấy sản phẩm.");
            }

            if (!scope.CanEdit(product.CommuneId, product.SubjectId) || product.Status == ProductStatus.Archived)
            {
                return WriteResult.Refused<Saved>(product.Status == ProductStatus.Archived ? "Sản phẩm đã lưu trữ: khôi phục trước khi sửa." : "Bạn không được sửa sản phẩm này.");
            }
        }
        else if (!RegistryAccess.CanCreateProduct(scope.Role))
        {
            return WriteResult.Refused<Saved>("Bạn không được thêm sản phẩm.");
        }

        command.Name = command.Name?.Trim() ?? "";
        command.Gtin = string.IsNullOrWhiteSpace(command.Gtin) ? null : command.Gtin.Trim();
        var errors = FieldErrorList.Annotations(command);
        await CheckRulesAsync(scope, command, product?.CommuneId, errors, ct);
        if (errors.Any)
        {
            return WriteResult.Invalid<Saved>(errors);
        }

        if (product is not null && product.Version != command.Version)
        {
            return WriteResult.Stale<Saved>(StaleMessage);
        }

        var isNew = product is null;
        product ??= db.Products.Add(new Product { Name = command.Name }).Entity;
        product.Name = command.Name;
        product.SubjectId = command.SubjectId!.Value;
        product.CommuneId = command.CommuneId!.Value;
        product.CategoryId = command.CategoryId!.Value;
        product.Status = command.Status;
        product.Standards = command.Standards.Aggregate(ProductStandards.None, (all, s) => all | s);
        product.Gtin = command.Gtin;
        product.Description = string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim();
        product.Story = string.IsNullOrWhiteSpace(command.Story) ? null : command.Story.Trim();
        var changed = isNew || db.Entry(product).Properties.Any(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue));
        if (save)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return WriteResult.Stale<Saved>(StaleMessage);
            }
        }

        return WriteResult.Done<Saved>(new Saved(product.Id, product.Version, isNew, changed));
    }

    private async Task CheckRulesAsync(UserScope scope, Command command, int? currentCommune, FieldErrorList errors, CancellationToken ct)
    {
        // The GTIN rule runs with the annotations (GtinCheck), once for the form, the API and the import alike.
        if (RegistryRules.EditedStatusProblem(command.Status) is string status)
        {
            errors.Add(nameof(Command.Status), status);
        }

        if (command.Standards.Any(s => s == ProductStandards.None || !Enum.IsDefined(s)))
        {
            errors.Add(nameof(Command.Standards), "Tiêu chuẩn không hợp lệ.");
        }

        DateOnly? subjectRegisteredOn = null;
        if (command.SubjectId is int subjectId)
        {
            var subject = await scope.Visible(db.Subjects).AsNoTracking().Where(s => s.Id == subjectId)
                .Select(s => new { s.CommuneId, s.IsArchived, s.RegisteredOn }).SingleOrDefaultAsync(ct);
            subjectRegisteredOn = subject?.RegisteredOn;
            if (subject is null || subject.IsArchived || !scope.CanEdit(subject.CommuneId, subjectId))
            {
                errors.Add(nameof(Command.SubjectId), "Chủ thể không tồn tại hoặc bạn không được thêm sản phẩm cho chủ thể này.");
            }
            else if (command.CommuneId is int communeId && !scope.CanEdit(communeId, subjectId))
            {
                errors.Add(nameof(Command.CommuneId), "Bạn không phụ trách xã này.");
            }
        }

        if (command.CommuneId is int commune)
        {
            // A commune of today, or one that existed when the product's subject was registered (a record from before a merger).
            if (!communeProblems.TryGetValue((commune, currentCommune, subjectRegisteredOn), out var problem))
            {
                problem = await RecordPlaces.ProblemAsync(db, commune, currentCommune, subjectRegisteredOn, ct);
                communeProblems[(commune, currentCommune, subjectRegisteredOn)] = problem;
            }

            if (problem is not null)
            {
                errors.Add(nameof(Command.CommuneId), problem);
            }
        }

        if (command.CategoryId is int category)
        {
            leafCategories ??= (await db.ProductCategories.AsNoTracking().Where(c => c.ProductSet != null && !c.IsArchived).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
            if (!leafCategories.Contains(category))
            {
                errors.Add(nameof(Command.CategoryId), "Chọn một nhóm sản phẩm cụ thể (có bộ tiêu chí).");
            }
        }
    }
}

/// <summary>
/// The GTIN rule (<see cref="RegistryRules.GtinProblem"/>) as a validation attribute, so that a bad barcode is reported
/// with the other refused fields; the use case's annotation check runs it for the form, the API and the import.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class GtinCheckAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        RegistryRules.GtinProblem(string.IsNullOrWhiteSpace(value as string) ? null : ((string)value).Trim()) is { } problem
            ? new ValidationResult(problem, [validationContext.MemberName!])
            : ValidationResult.Success;
}
