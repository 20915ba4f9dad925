using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Planning;

/// <summary>The indicators, and a new one built from the measure kinds the core knows and their parameters.</summary>
public sealed class IndicatorsModel(OcopDbContext db, UserScopeLoader scopes) : PageModel
{
    [BindProperty] public IndicatorInput Input { get; set; } = new();
    public List<Indicator> Rows { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public sealed class IndicatorInput
    {
        [Required(ErrorMessage = "Nhập mã chỉ số."), StringLength(30, ErrorMessage = "Tối đa 30 ký tự.")] public string Code { get; set; } = "";
        [Required(ErrorMessage = "Nhập tên chỉ số."), StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")] public string Name { get; set; } = "";
        [Required(ErrorMessage = "Chọn loại chỉ số.")] public MeasureKind? Kind { get; set; }
        public MeasureOutput Output { get; set; } = MeasureOutput.Count;
        [Range(3, 5, ErrorMessage = "Từ 3 đến 5 sao.")] public int MinStars { get; set; } = 3;
        [Range(3, 5, ErrorMessage = "Từ 3 đến 5 sao.")] public int MaxStars { get; set; } = 5;
        public List<LegalForm> LegalForms { get; set; } = [];
        public List<SalesChannels> Channels { get; set; } = [];
        public SupportKind? SupportKind { get; set; }
        public bool TraditionalOnly { get; set; }
        [StringLength(1000, ErrorMessage = "Tối đa 1.000 ký tự.")] public string? Description { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!PlanningAccess.CanReadPlans(scope.Role))
        {
            return Forbid();
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!PlanningAccess.CanEditPlans(scope.Role))
        {
            return Forbid();
        }

        var code = (Input.Code ?? "").Trim();
        if (ModelState.IsValid)
        {
            foreach (var problem in Definition().Problems())
            {
                ModelState.AddModelError("Input.Kind", problem);
            }

            if (await db.Indicators.AnyAsync(i => i.Code == code, ct))
            {
                ModelState.AddModelError("Input.Code", "Mã chỉ số này đã có.");
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(scope, ct);
            return Page();
        }

        var d = Definition();
        db.Indicators.Add(new Indicator
        {
            Code = code,
            Name = Input.Name.Trim(),
            Kind = d.Kind,
            Output = d.Output,
            MinStars = d.MinStars,
            MaxStars = d.MaxStars,
            LegalForms = d.Kind == MeasureKind.SubjectsByLegalForm ? string.Join(',', Input.LegalForms.Distinct()) : null,
            Channels = d.Kind == MeasureKind.SubjectsWithChannels ? d.Channels : SalesChannels.None,
            SupportKind = d.Kind == MeasureKind.SupportedProducts ? d.Support : null,
            TraditionalOnly = d.Kind == MeasureKind.CraftVillagesWithProduct && d.TraditionalOnly,
            Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim(),
        });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Đã thêm chỉ số {code}.";
        return Redirect("/Planning/Indicators");
    }

    private MeasureDefinition Definition() => new(
        Input.Kind ?? MeasureKind.ValidRecognitions, Input.Output, Input.MinStars, Input.MaxStars, Input.LegalForms,
        Input.Channels.Aggregate(SalesChannels.None, (all, c) => all | c), Input.SupportKind, Input.TraditionalOnly);

    private async Task LoadAsync(UserScope scope, CancellationToken ct)
    {
        CanEdit = PlanningAccess.CanEditPlans(scope.Role);
        Rows = await db.Indicators.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct);
    }

    /// <summary>The parameters of an indicator in words.</summary>
    public static string Parameters(Indicator i) => i.Kind switch
    {
        MeasureKind.ValidRecognitions => $"{i.MinStars}–{i.MaxStars} sao",
        MeasureKind.SubjectsByLegalForm => string.Join(", ", (i.ToDefinition().LegalForms ?? []).Select(f => Ocop.Web.Shared.Display.Name(f))),
        MeasureKind.SubjectsWithChannels => Ocop.Web.Shared.Display.Flags(i.Channels),
        MeasureKind.SupportedProducts => i.SupportKind is { } k ? Ocop.Web.Shared.Display.Name(k) : "—",
        MeasureKind.CraftVillagesWithProduct => i.TraditionalOnly ? "chỉ làng nghề truyền thống" : "mọi làng nghề",
        _ => "—",
    };
}
