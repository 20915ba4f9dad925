using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Planning.Support;

/// <summary>Records or corrects one support given; archived, never deleted. Every change goes into the audit trail.</summary>
public sealed class EditModel(OcopDbContext db, UserScopeLoader scopes) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public SupportInput Input { get; set; } = new();
    public List<SelectListItem> Subjects { get; private set; } = [];
    public List<SelectListItem> Products { get; private set; } = [];

    public sealed class SupportInput
    {
        [Required(ErrorMessage = "Chọn chủ thể.")] public int? SubjectId { get; set; }
        public int? ProductId { get; set; }
        [Required(ErrorMessage = "Chọn loại hỗ trợ.")] public SupportKind? Kind { get; set; }
        [Required(ErrorMessage = "Nhập nội dung hỗ trợ."), StringLength(1000, ErrorMessage = "Tối đa 1.000 ký tự.")] public string Description { get; set; } = "";
        [Required(ErrorMessage = "Nhập ngày hỗ trợ.")] public DateOnly? On { get; set; }
        [Range(0, long.MaxValue, ErrorMessage = "Kinh phí không âm.")] public long? AmountVnd { get; set; }
        [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")] public string? Reference { get; set; }
        public bool IsArchived { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (PlanningAccess.ForSupportRecord(scope.Role, inScope: true) != RecordAccess.Edit)
        {
            return Forbid();
        }

        if (Id is int id)
        {
            var r = await db.SupportRecords.AsNoTracking().Where(x => x.Id == id).Select(x => new { Record = x, x.Subject!.CommuneId }).SingleOrDefaultAsync(ct);
            if (r is null || !InScope(scope, r.CommuneId))
            {
                return NotFound();
            }

            var x = r.Record;
            Input = new SupportInput
            {
                SubjectId = x.SubjectId, ProductId = x.ProductId, Kind = x.Kind, Description = x.Description, On = x.On, AmountVnd = x.AmountVnd,
                Reference = x.Reference, IsArchived = x.IsArchived, Version = x.Version,
            };
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (PlanningAccess.ForSupportRecord(scope.Role, inScope: true) != RecordAccess.Edit)
        {
            return Forbid();
        }

        SupportRecord? record = null;
        if (Id is int id)
        {
            record = await db.SupportRecords.SingleOrDefaultAsync(x => x.Id == id, ct);
            var commune = record is null ? 0 : await db.Subjects.Where(s => s.Id == record.SubjectId).Select(s => s.CommuneId).SingleAsync(ct);
            if (record is null || !InScope(scope, commune))
            {
                return NotFound();
            }

            if (record.Version != Input.Version)
            {
                ModelState.AddModelError("", "Hồ sơ vừa được người khác thay đổi. Tải lại trang rồi sửa lại.");
            }
        }

        if (Input.SubjectId is int subjectId)
        {
            var subject = await scope.Visible(db.Subjects).AsNoTracking().Where(s => s.Id == subjectId).Select(s => new { s.CommuneId }).SingleOrDefaultAsync(ct);
            if (subject is null || !InScope(scope, subject.CommuneId))
            {
                ModelState.AddModelError("Input.SubjectId", "Bạn không phụ trách chủ thể này.");
            }
            else if (Input.ProductId is int productId && !await db.Products.AnyAsync(p => p.Id == productId && p.SubjectId == subjectId, ct))
            {
                ModelState.AddModelError("Input.ProductId", "Sản phẩm không thuộc chủ thể đã chọn.");
            }
        }

        // Brand and trademark support is given to a product, and target T7 counts products.
        if (Input.Kind is SupportKind.Brand or SupportKind.Trademark && Input.ProductId is null)
        {
            ModelState.AddModelError("Input.ProductId", "Hỗ trợ thương hiệu, nhãn hiệu là cho một sản phẩm: chọn sản phẩm (chỉ tiêu T7 đếm sản phẩm).");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(scope, ct);
            return Page();
        }

        record ??= db.SupportRecords.Add(new SupportRecord { Description = "" }).Entity;
        record.SubjectId = Input.SubjectId!.Value;
        record.ProductId = Input.ProductId;
        record.Kind = Input.Kind!.Value;
        record.Description = Input.Description.Trim();
        record.On = Input.On!.Value;
        record.AmountVnd = Input.AmountVnd;
        record.Reference = string.IsNullOrWhiteSpace(Input.Reference) ? null : Input.Reference.Trim();
        record.IsArchived = Id is not null && Input.IsArchived;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Đã lưu hồ sơ hỗ trợ.";
        return Redirect("/Planning/Support");
    }

    private static bool InScope(UserScope scope, int communeId) =>
        PlanningAccess.ForSupportRecord(scope.Role, scope.ReachesEveryUnit || scope.CommuneIds.Contains(communeId)) == RecordAccess.Edit;

    private async Task LoadAsync(UserScope scope, CancellationToken ct)
    {
        var subjects = await scope.Visible(db.Subjects).AsNoTracking().Where(s => !s.IsArchived || s.Id == Input.SubjectId)
            .OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, Commune = s.Commune!.Name }).Take(500).ToListAsync(ct);
        Subjects = subjects.Select(s => new SelectListItem($"{s.Name} ({s.Commune})", PlanDisplay.Id(s.Id), s.Id == Input.SubjectId)).ToList();
        var products = await scope.Visible(db.Products).AsNoTracking()
            .Where(p => Input.SubjectId == null || p.SubjectId == Input.SubjectId)
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, Subject = p.Subject!.Name }).Take(500).ToListAsync(ct);
        Products = products.Select(p => new SelectListItem($"{p.Name} ({p.Subject})", PlanDisplay.Id(p.Id), p.Id == Input.ProductId)).ToList();
    }
}
