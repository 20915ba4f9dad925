using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;

namespace Ocop.Web.Features.Products;

/// <summary>Creates or edits a product. Every rule is checked on the server; nothing is saved unless all pass.</summary>
public sealed class EditModel(OcopDbContext db, UserScopeLoader scopes) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public ProductInput Input { get; set; } = new();

    public List<SelectListItem> Subjects { get; private set; } = [];
    public List<SelectListItem> Communes { get; private set; } = [];
    public List<SelectListItem> Categories { get; private set; } = [];
    public List<SelectListItem> Statuses { get; private set; } = [];
    /// <summary>A search for a commune outside the list (a wide reach is offered the deploying office's communes first).</summary>
    [BindProperty] public string? CommuneQuery { get; set; }
    public CommuneSearchBox CommuneSearch { get; private set; } = new(false, null);

    public sealed class ProductInput
    {
        [Required(ErrorMessage = "Nhập tên sản phẩm."), StringLength(250, ErrorMessage = "Tên tối đa 250 ký tự.")]
        public string Name { get; set; } = "";
        [Required(ErrorMessage = "Chọn chủ thể.")] public int? SubjectId { get; set; }
        [Required(ErrorMessage = "Chọn xã sản xuất.")] public int? CommuneId { get; set; }
        [Required(ErrorMessage = "Chọn nhóm sản phẩm.")] public int? CategoryId { get; set; }
        public ProductStatus Status { get; set; } = ProductStatus.Potential;
        public List<ProductStandards> Standards { get; set; } = [];
        [StringLength(14)] public string? Gtin { get; set; }
        [StringLength(4000, ErrorMessage = "Mô tả tối đa 4.000 ký tự.")] public string? Description { get; set; }
        [StringLength(8000, ErrorMessage = "Câu chuyện tối đa 8.000 ký tự.")] public string? Story { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (Id is int id)
        {
            var product = await scope.Visible(db.Products).AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
            if (product is null)
            {
                return NotFound();
            }

            if (!scope.CanEdit(product.CommuneId, product.SubjectId) || product.Status == ProductStatus.Archived)
            {
                return Forbid();
            }

            Input = new ProductInput
            {
                Name = product.Name, SubjectId = product.SubjectId, CommuneId = product.CommuneId, CategoryId = product.CategoryId,
                Status = product.Status, Standards = Ocop.Web.Shared.Display.Values<ProductStandards>().Where(s => product.Standards.HasFlag(s)).ToList(),
                Gtin = product.Gtin, Description = product.Description, Story = product.Story, Version = product.Version,
            };
        }
        else
        {
            if (!RegistryAccess.CanCreateProduct(scope.Role))
            {
                return Forbid();
            }

            if (scope.SubjectId is int own)
            {
                Input.SubjectId = own;
            }

            if (int.TryParse(Request.Query["subject"], out var subjectId))
            {
                Input.SubjectId = subjectId;
                var seat = await scope.Visible(db.Subjects).Where(s => s.Id == subjectId).Select(s => (int?)s.CommuneId).SingleOrDefaultAsync(ct);
                Input.CommuneId = seat is int commune ? await Lookups.CommuneTodayAsync(db, commune, ct) : null;
            }
        }

        await LoadChoicesAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Product? product = null;
        if (Id is int id)
        {
            product = await scope.Visible(db.Products).SingleOrDefaultAsync(p => p.Id == id, ct);
            if (product is null)
            {
                return NotFound();
            }

            if (!scope.CanEdit(product.CommuneId, product.SubjectId) || product.Status == ProductStatus.Archived)
            {
                return Forbid();
            }
        }
        else if (!RegistryAccess.CanCreateProduct(scope.Role))
        {
            return Forbid();
        }

        Input.Name = Input.Name?.Trim() ?? "";
        Input.Gtin = string.IsNullOrWhiteSpace(Input.Gtin) ? null : Input.Gtin.Trim();
        await ValidateRulesAsync(scope, product?.CommuneId, ct);
        if (product is not null && product.Version != Input.Version)
        {
            ModelState.AddModelError("", "Sản phẩm vừa được người khác thay đổi. Tải lại trang để xem bản mới rồi sửa lại.");
        }

        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(scope, ct);
            return Page();
        }

        product ??= db.Products.Add(new Product { Name = Input.Name }).Entity;
        product.Name = Input.Name;
        product.SubjectId = Input.SubjectId!.Value;
        product.CommuneId = Input.CommuneId!.Value;
        product.CategoryId = Input.CategoryId!.Value;
        product.Status = Input.Status;
        product.Standards = Input.Standards.Aggregate(ProductStandards.None, (all, s) => all | s);
        product.Gtin = Input.Gtin;
        product.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        product.Story = string.IsNullOrWhiteSpace(Input.Story) ? null : Input.Story.Trim();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Sản phẩm vừa được người khác thay đổi. Tải lại trang để xem bản mới rồi sửa lại.");
            await LoadChoicesAsync(scope, ct);
            return Page();
        }

        TempData["Message"] = Id is null ? "Đã thêm sản phẩm." : "Đã lưu thay đổi.";
        return Redirect($"/Products/Details/{product.Id}");
    }

    private async Task ValidateRulesAsync(UserScope scope, int? currentCommune, CancellationToken ct)
    {
        if (Input.Gtin is not null && !Gtin.IsValid(Input.Gtin))
        {
            ModelState.AddModelError("Input.Gtin", "Mã vạch GTIN không hợp lệ: cần 8, 12, 13 hoặc 14 chữ số với số kiểm tra đúng.");
        }

        if (Input.Status == ProductStatus.Archived)
        {
            ModelState.AddModelError("Input.Status", "Dùng nút \"Lưu trữ sản phẩm\" để lưu trữ.");
        }

        if (!Enum.IsDefined(Input.Status))
        {
            ModelState.AddModelError("Input.Status", "Trạng thái không hợp lệ.");
        }

        if (Input.SubjectId is int subjectId)
        {
            var subject = await scope.Visible(db.Subjects).AsNoTracking().Where(s => s.Id == subjectId)
                .Select(s => new { s.CommuneId, s.IsArchived }).SingleOrDefaultAsync(ct);
            if (subject is null || subject.IsArchived || !scope.CanEdit(subject.CommuneId, subjectId))
            {
                ModelState.AddModelError("Input.SubjectId", "Chủ thể không tồn tại hoặc bạn không được thêm sản phẩm cho chủ thể này.");
            }
            else if (Input.CommuneId is int communeId && !scope.CanEdit(communeId, subjectId))
            {
                ModelState.AddModelError("Input.CommuneId", "Bạn không phụ trách xã này.");
            }
        }

        if (Input.CommuneId is int commune && await Lookups.CommuneProblemAsync(db, commune, currentCommune, ct) is string problem)
        {
            ModelState.AddModelError("Input.CommuneId", problem);
        }

        if (Input.CategoryId is int category && !await db.ProductCategories.AnyAsync(c => c.Id == category && c.ProductSet != null && !c.IsArchived, ct))
        {
            ModelState.AddModelError("Input.CategoryId", "Chọn một nhóm sản phẩm cụ thể (có bộ tiêu chí).");
        }
    }

    /// <summary>"Tìm xã": the form comes back as typed, with the communes found offered; nothing is saved.</summary>
    public async Task<IActionResult> OnPostFindCommuneAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadChoicesAsync(await scopes.GetAsync(ct), ct);
        return Page();
    }

    private async Task LoadChoicesAsync(UserScope scope, CancellationToken ct)
    {
        var subjects = await scope.Visible(db.Subjects).AsNoTracking().Where(s => !s.IsArchived)
            .OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        Subjects = subjects.Select(s => new SelectListItem(s.Name, s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Communes = await Lookups.CommunesAsync(db, scope, Input.CommuneId, CommuneQuery, ct);
        CommuneSearch = new CommuneSearchBox(await Lookups.CommuneSearchNeededAsync(db, scope, ct), CommuneQuery);

        Categories = await Lookups.CategoriesAsync(db, Input.CategoryId, leavesOnly: true, ct);
        Statuses = Lookups.Enum<ProductStatus>(Input.Status).Where(s => s.Value != nameof(ProductStatus.Archived)).ToList();
    }
}
