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
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Subjects;

/// <summary>
/// Creates or edits an OCOP subject. Every rule is checked on the server; nothing is saved unless all pass. The legal
/// form, green value chain and channels are dated facts: a change is recorded from the day it took effect and the
/// history before it stays (<see cref="RecordSubjectFacts"/>).
/// </summary>
public sealed class EditModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock) : PageModel
{
    private const string ConcurrencyMessage = "Chủ thể vừa được người khác thay đổi. Tải lại trang để xem bản mới rồi sửa lại.";

    [FromRoute] public int? Id { get; set; }
    [BindProperty] public SubjectInput Input { get; set; } = new();

    public List<SelectListItem> Communes { get; private set; } = [];
    /// <summary>A search for a commune outside the list (a wide reach is offered the deploying office's communes first).</summary>
    [BindProperty] public string? CommuneQuery { get; set; }
    public CommuneSearchBox CommuneSearch { get; private set; } = new(false, null);
    public List<SelectListItem> Forms { get; private set; } = [];
    public List<SelectListItem> Villages { get; private set; } = [];

    public sealed class SubjectInput
    {
        [Required(ErrorMessage = "Nhập tên chủ thể."), StringLength(250, ErrorMessage = "Tên tối đa 250 ký tự.")]
        public string Name { get; set; } = "";
        [Required(ErrorMessage = "Chọn loại hình.")] public LegalForm? LegalForm { get; set; }
        [StringLength(50, ErrorMessage = "Tối đa 50 ký tự.")] public string? RegistrationNumber { get; set; }
        [RegularExpression(@"^\d{10}(-\d{3})?$", ErrorMessage = "Mã số thuế gồm 10 chữ số (hoặc 10 chữ số, gạch ngang và 3 chữ số).")]
        public string? TaxCode { get; set; }
        [Required(ErrorMessage = "Chọn xã.")] public int? CommuneId { get; set; }
        /// <summary>The day the subject was registered or established; for a record transcribed from paper, its real date.</summary>
        [Required(ErrorMessage = "Nhập ngày đăng ký, thành lập.")] public DateOnly? RegisteredOn { get; set; }
        [Required(ErrorMessage = "Nhập địa chỉ."), StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")] public string Address { get; set; } = "";
        [Required(ErrorMessage = "Nhập người đại diện."), StringLength(120, ErrorMessage = "Tối đa 120 ký tự.")] public string Representative { get; set; } = "";
        [RegularExpression(@"^[0-9 +().-]{8,20}$", ErrorMessage = "Số điện thoại không hợp lệ.")] public string? Phone { get; set; }
        [EmailAddress(ErrorMessage = "Địa chỉ thư điện tử không hợp lệ."), StringLength(120)] public string? Email { get; set; }
        public bool WomenLed { get; set; }
        public bool EthnicMinorityLed { get; set; }
        [Range(0, 100_000, ErrorMessage = "Số lao động từ 0 đến 100.000.")] public int WorkersTotal { get; set; }
        [Range(0, 100_000, ErrorMessage = "Số lao động từ 0 đến 100.000.")] public int WorkersLocal { get; set; }
        [Range(0, 100_000, ErrorMessage = "Số lao động từ 0 đến 100.000.")] public int WorkersTrained { get; set; }
        public int? CraftVillageId { get; set; }
        public bool GreenValueChain { get; set; }
        [StringLength(1000, ErrorMessage = "Tối đa 1.000 ký tự.")] public string? RawMaterialEvidence { get; set; }
        [ModelBinder(typeof(Planning.DecimalInputBinder)), Range(typeof(decimal), "0", "1000000", ErrorMessage = "Diện tích từ 0 đến 1.000.000 ha.")]
        public decimal? RawMaterialAreaHa { get; set; }
        public List<SalesChannels> SalesChannels { get; set; } = [];
        /// <summary>The day the changes of legal form, green value chain and channels took effect (editing only).</summary>
        public DateOnly? EffectiveOn { get; set; }
        public int Version { get; set; }
    }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Today = Display.Today(clock);
        if (Id is int id)
        {
            var s = await scope.Visible(db.Subjects).AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (s is null)
            {
                return NotFound();
            }

            if (!scope.CanEdit(s.CommuneId, s.Id) || s.IsArchived)
            {
                return Forbid();
            }

            Input = new SubjectInput
            {
                Name = s.Name, LegalForm = s.LegalForm, RegistrationNumber = s.RegistrationNumber, TaxCode = s.TaxCode,
                CommuneId = s.CommuneId, Address = s.Address, Representative = s.Representative, Phone = s.Phone, Email = s.Email,
                WomenLed = s.WomenLed, EthnicMinorityLed = s.EthnicMinorityLed, WorkersTotal = s.WorkersTotal,
                WorkersLocal = s.WorkersLocal, WorkersTrained = s.WorkersTrained, CraftVillageId = s.CraftVillageId,
                GreenValueChain = s.GreenValueChain, RawMaterialEvidence = s.RawMaterialEvidence,
                RawMaterialAreaHa = await db.SubjectGreenChains.Where(p => p.SubjectId == id && p.EndedOn == null).Select(p => p.RawMaterialAreaHa).FirstOrDefaultAsync(ct),
                SalesChannels = Display.Values<SalesChannels>().Where(c => s.SalesChannels.HasFlag(c)).ToList(),
                RegisteredOn = s.RegisteredOn, EffectiveOn = Today, Version = s.Version,
            };
        }
        else if (!RegistryAccess.CanCreateSubject(scope.Role))
        {
            return Forbid();
        }
        else
        {
            Input.RegisteredOn = Today;
        }

        await LoadChoicesAsync(scope, ct);
        return Page();
    }

    /// <summary>"Tìm xã": the form comes back as typed, with the communes found offered; nothing is saved.</summary>
    public async Task<IActionResult> OnPostFindCommuneAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadChoicesAsync(await scopes.GetAsync(ct), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Subject? subject = null;
        if (Id is int id)
        {
            subject = await scope.Visible(db.Subjects).SingleOrDefaultAsync(x => x.Id == id, ct);
            if (subject is null)
            {
                return NotFound();
            }

            if (!scope.CanEdit(subject.CommuneId, subject.Id) || subject.IsArchived)
            {
                return Forbid();
            }
        }
        else if (!RegistryAccess.CanCreateSubject(scope.Role))
        {
            return Forbid();
        }

        Today = Display.Today(clock);
        await ValidateRulesAsync(scope, subject, ct);
        if (subject is not null && subject.Version != Input.Version)
        {
            ModelState.AddModelError("", ConcurrencyMessage);
        }

        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(scope, ct);
            return Page();
        }

        var isNew = subject is null;
        subject ??= db.Subjects.Add(new Subject { Name = "", Address = "", Representative = "" }).Entity;
        var facts = await RecordSubjectFacts.RunAsync(db, subject, isNew, new RecordSubjectFacts.Command(
            Input.RegisteredOn!.Value, Input.LegalForm!.Value, Input.GreenValueChain, Input.GreenValueChain ? Input.RawMaterialAreaHa : null,
            Input.GreenValueChain ? Clean(Input.RawMaterialEvidence) : null, Input.SalesChannels.Aggregate(SalesChannels.None, (all, c) => all | c),
            Input.EffectiveOn ?? Today), Today, ct);
        if (facts.Count > 0)
        {
            foreach (var (field, message) in facts)
            {
                ModelState.AddModelError(field, message);
            }

            await LoadChoicesAsync(scope, ct);
            return Page();
        }

        subject.Name = Input.Name.Trim();
        subject.RegistrationNumber = Clean(Input.RegistrationNumber);
        subject.TaxCode = Clean(Input.TaxCode);
        subject.CommuneId = Input.CommuneId!.Value;
        subject.Address = Input.Address.Trim();
        subject.Representative = Input.Representative.Trim();
        subject.Phone = Clean(Input.Phone);
        subject.Email = Clean(Input.Email);
        subject.WomenLed = Input.WomenLed;
        subject.EthnicMinorityLed = Input.EthnicMinorityLed;
        subject.WorkersTotal = Input.WorkersTotal;
        subject.WorkersLocal = Input.WorkersLocal;
        subject.WorkersTrained = Input.WorkersTrained;
        subject.CraftVillageId = Input.CraftVillageId;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", ConcurrencyMessage);
            await LoadChoicesAsync(scope, ct);
            return Page();
        }

        TempData["Message"] = Id is null ? "Đã thêm chủ thể." : "Đã lưu thay đổi.";
        return Redirect($"/Subjects/Details/{subject.Id}");
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task ValidateRulesAsync(UserScope scope, Subject? existing, CancellationToken ct)
    {
        if (Input.LegalForm is LegalForm form && !Enum.IsDefined(form))
        {
            ModelState.AddModelError("Input.LegalForm", "Loại hình không hợp lệ.");
        }

        if (Input.CommuneId is int commune)
        {
            var exists = await db.Units.AnyAsync(u => u.Id == commune && u.Level == Core.Units.UnitLevel.Commune, ct);
            // A producer keeps their subject where it is; offices and communes register only inside their own units.
            var allowed = scope.Role == Role.Producer ? existing?.CommuneId == commune : scope.CanCreateIn(commune);
            if (!exists || !allowed)
            {
                ModelState.AddModelError("Input.CommuneId", "Bạn không phụ trách xã này.");
            }
            else if (await Lookups.CommuneProblemAsync(db, commune, existing?.CommuneId, ct) is string problem)
            {
                ModelState.AddModelError("Input.CommuneId", problem);
            }
        }

        if (Input.WorkersLocal > Input.WorkersTotal)
        {
            ModelState.AddModelError("Input.WorkersLocal", "Lao động địa phương không được nhiều hơn tổng số lao động.");
        }

        if (Input.WorkersTrained > Input.WorkersTotal)
        {
            ModelState.AddModelError("Input.WorkersTrained", "Lao động qua đào tạo không được nhiều hơn tổng số lao động.");
        }

        if (Input.RegisteredOn > Today)
        {
            ModelState.AddModelError("Input.RegisteredOn", "Ngày đăng ký, thành lập không được sau hôm nay.");
        }

        if (Input.GreenValueChain && string.IsNullOrWhiteSpace(Input.RawMaterialEvidence))
        {
            ModelState.AddModelError("Input.RawMaterialEvidence", "Nêu minh chứng vùng nguyên liệu ổn định cho chuỗi giá trị xanh.");
        }

        if (Input.CraftVillageId is int village && !await db.CraftVillages.AnyAsync(v => v.Id == village && !v.IsArchived, ct))
        {
            ModelState.AddModelError("Input.CraftVillageId", "Làng nghề không tồn tại.");
        }
    }

    private async Task LoadChoicesAsync(UserScope scope, CancellationToken ct)
    {
        Communes = await Lookups.CommunesAsync(db, scope, Input.CommuneId, CommuneQuery, ct);
        CommuneSearch = new CommuneSearchBox(await Lookups.CommuneSearchNeededAsync(db, scope, ct), CommuneQuery);
        Forms = Lookups.Enum(Input.LegalForm);
        var villages = await db.CraftVillages.AsNoTracking().Where(v => !v.IsArchived).OrderBy(v => v.Name)
            .Select(v => new { v.Id, v.Name, Commune = v.Commune!.Name }).ToListAsync(ct);
        Villages = villages.Select(v => new SelectListItem($"{v.Name} ({v.Commune})", v.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), v.Id == Input.CraftVillageId)).ToList();
    }
}
