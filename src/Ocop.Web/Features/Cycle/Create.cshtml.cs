using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Cycle;

/// <summary>
/// Puts an idea into the cycle: a commune officer records a potential product found in the survey (their communes
/// only), a producer registers an idea for their own subject (the registration form, step 2).
/// </summary>
public sealed class CreateModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock, CurrentActor actor) : PageModel
{
    [BindProperty] public EntryInput Input { get; set; } = new();

    public List<SelectListItem> Communes { get; private set; } = [];
    public List<SelectListItem> Subjects { get; private set; } = [];
    public List<SelectListItem> Products { get; private set; } = [];
    public List<SelectListItem> Categories { get; private set; } = [];
    public List<SelectListItem> Steps { get; private set; } = [];
    public bool IsProducer { get; private set; }

    public sealed class EntryInput
    {
        [Required(ErrorMessage = "Nhập năm."), Range(2018, 2100, ErrorMessage = "Năm từ 2018 đến 2100.")] public int? Year { get; set; }
        [Required(ErrorMessage = "Chọn xã.")] public int? CommuneId { get; set; }
        public int? SubjectId { get; set; }
        public int? ProductId { get; set; }
        [Required(ErrorMessage = "Nhập người đề xuất (chủ thể, hộ, tổ nhóm)."), StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")] public string? ProposerName { get; set; }
        [Required(ErrorMessage = "Nhập tên ý tưởng, sản phẩm."), StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")] public string? IdeaName { get; set; }
        public int? CategoryId { get; set; }
        [StringLength(4000, ErrorMessage = "Tối đa 4.000 ký tự.")] public string? Description { get; set; }
        public CycleStep Step { get; set; } = CycleStep.Communication;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!CycleRules.CanCreate(scope.Role))
        {
            return Forbid();
        }

        Input = new EntryInput { Year = Display.Today(clock).Year };
        if (scope.Role == Role.Producer)
        {
            var own = await db.Subjects.AsNoTracking().Where(s => s.Id == scope.SubjectId).Select(s => new { s.Name, s.CommuneId }).SingleAsync(ct);
            Input.ProposerName = own.Name;
            Input.CommuneId = own.CommuneId;
        }

        await LoadChoicesAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!CycleRules.CanCreate(scope.Role))
        {
            return Forbid();
        }

        if (scope.Role == Role.Producer)
        {
            // A producer's idea is always their own subject's, in its commune, and starts at the registration form.
            Input.SubjectId = scope.SubjectId;
            Input.CommuneId = await db.Subjects.Where(s => s.Id == scope.SubjectId).Select(s => s.CommuneId).SingleAsync(ct);
            Input.Step = CycleStep.IdeaRegistration;
        }
        else if (Input.CommuneId is { } commune && !scope.CanCreateIn(commune))
        {
            ModelState.AddModelError("Input.CommuneId", "Chỉ ghi nhận được ý tưởng ở xã thuộc phạm vi của bạn.");
        }

        if (Input.Step is not (CycleStep.Communication or CycleStep.IdeaRegistration))
        {
            ModelState.AddModelError("Input.Step", "Ý tưởng mới bắt đầu ở bước tuyên truyền hoặc đăng ký ý tưởng.");
        }

        if (Input.SubjectId is { } subjectId
            && !await scope.Visible(db.Subjects).AnyAsync(s => s.Id == subjectId && s.CommuneId == Input.CommuneId && !s.IsArchived, ct))
        {
            ModelState.AddModelError("Input.SubjectId", "Chủ thể phải thuộc xã đã chọn.");
        }

        if (Input.ProductId is { } productId
            && !await scope.Visible(db.Products).AnyAsync(p => p.Id == productId && p.CommuneId == Input.CommuneId && (Input.SubjectId == null || p.SubjectId == Input.SubjectId), ct))
        {
            ModelState.AddModelError("Input.ProductId", "Sản phẩm phải thuộc xã (và chủ thể) đã chọn.");
        }

        if (Input.CategoryId is { } categoryId && !await db.ProductCategories.AnyAsync(c => c.Id == categoryId && c.ProductSet != null && !c.IsArchived, ct))
        {
            ModelState.AddModelError("Input.CategoryId", "Chọn một phân nhóm sản phẩm.");
        }

        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(scope, ct);
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new CycleEntry
        {
            Year = Input.Year!.Value,
            CommuneId = Input.CommuneId!.Value,
            SubjectId = Input.SubjectId,
            ProductId = Input.ProductId,
            ProposerName = Input.ProposerName!.Trim(),
            IdeaName = Input.IdeaName!.Trim(),
            CategoryId = Input.CategoryId,
            Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim(),
            Step = Input.Step,
            State = CycleState.Active,
            StepEnteredAt = now,
        };
        entry.Events.Add(new CycleStepEvent
        {
            ToStep = entry.Step,
            ToState = entry.State,
            At = now,
            UserId = actor.UserId,
            UserName = actor.FullName,
            Note = entry.Step == CycleStep.IdeaRegistration ? "Đăng ký ý tưởng sản phẩm." : "Ghi nhận sản phẩm tiềm năng qua khảo sát.",
        });
        db.CycleEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Đã ghi nhận «{entry.IdeaName}» vào chu trình năm {entry.Year}.";
        return Redirect($"/Cycle/Details/{entry.Id}");
    }

    private async Task LoadChoicesAsync(UserScope scope, CancellationToken ct)
    {
        IsProducer = scope.Role == Role.Producer;
        Communes = (await Lookups.CommunesAsync(db, scope, Input.CommuneId, ct)).Where(c => scope.Role == Role.Producer || scope.CanCreateIn(int.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var subjects = await scope.Visible(db.Subjects).AsNoTracking().Where(s => !s.IsArchived)
            .OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, Commune = s.Commune!.Name }).Take(2000).ToListAsync(ct);
        Subjects = subjects.Select(s => new SelectListItem($"{s.Name} ({s.Commune})", s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Id == Input.SubjectId)).ToList();
        var products = await scope.Visible(db.Products).AsNoTracking().Where(p => p.Status != Core.Registry.ProductStatus.Archived)
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, Subject = p.Subject!.Name }).Take(2000).ToListAsync(ct);
        Products = products.Select(p => new SelectListItem($"{p.Name} – {p.Subject}", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Id == Input.ProductId)).ToList();
        Categories = await Lookups.CategoriesAsync(db, Input.CategoryId, leavesOnly: true, ct);
        Steps = Lookups.Enum<CycleStep>(Input.Step).Where(s => s.Value is nameof(CycleStep.Communication) or nameof(CycleStep.IdeaRegistration)).ToList();
    }
}
