using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Planning;

namespace Ocop.Web.Features.Support;

/// <summary>A support policy: legal basis, period, kind and what it gives per star level; refused terms write nothing.</summary>
public sealed class PolicyEditModel(SectionContext section) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public PolicyInput Input { get; set; } = new();

    public sealed class PolicyInput
    {
        [Required(ErrorMessage = "Nhập tên chính sách."), StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")] public string Name { get; set; } = "";
        [Required(ErrorMessage = "Nhập căn cứ pháp lý."), StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")] public string LegalBasis { get; set; } = "";
        [Required(ErrorMessage = "Chọn loại hỗ trợ.")] public SupportKind? Kind { get; set; }
        public FundingSource? Source { get; set; }
        [Required(ErrorMessage = "Nhập ngày có hiệu lực.")] public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidTo { get; set; }
        [StringLength(2000, ErrorMessage = "Tối đa 2.000 ký tự.")] public string? Description { get; set; }
        /// <summary>Index 0, 1, 2: 3, 4, 5 stars.</summary>
        public List<RateInput> Rates { get; set; } = [new(), new(), new()];
        public bool IsArchived { get; set; }
        public int Version { get; set; }
    }

    public sealed class RateInput
    {
        [Range(0, long.MaxValue, ErrorMessage = "Mức tiền không âm.")] public long? MaxAmountVnd { get; set; }
        [ModelBinder(typeof(DecimalInputBinder))] public decimal? RatePercent { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        if (!SupportAccess.CanEditPolicies(scope.Role))
        {
            return Forbid();
        }

        if (Id is int id)
        {
            var p = await section.Db.SupportPolicies.AsNoTracking().Include(x => x.Rates).SingleOrDefaultAsync(x => x.Id == id, ct);
            if (p is null)
            {
                return NotFound();
            }

            Input = new PolicyInput
            {
                Name = p.Name,
                LegalBasis = p.LegalBasis,
                Kind = p.Kind,
                Source = p.Source,
                ValidFrom = p.ValidFrom,
                ValidTo = p.ValidTo,
                Description = p.Description,
                IsArchived = p.IsArchived,
                Version = p.Version,
                Rates = [.. Enumerable.Range(3, 3).Select(stars => p.Rates.FirstOrDefault(r => r.Stars == stars) is { } r
                    ? new RateInput { MaxAmountVnd = r.MaxAmountVnd, RatePercent = r.RatePercent } : new RateInput())],
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        if (!SupportAccess.CanEditPolicies(scope.Role))
        {
            return Forbid();
        }

        var db = section.Db;
        SupportPolicy? policy = null;
        if (Id is int id)
        {
            policy = await db.SupportPolicies.Include(x => x.Rates).SingleOrDefaultAsync(x => x.Id == id, ct);
            if (policy is null)
            {
                return NotFound();
            }

            if (policy.Version != Input.Version)
            {
                ModelState.AddModelError("", SectionForms.Stale);
            }
        }

        while (Input.Rates.Count < 3)
        {
            Input.Rates.Add(new RateInput());
        }

        var rates = Input.Rates.Take(3).Select((r, i) => (Stars: i + 3, r))
            .Where(x => x.r.MaxAmountVnd is not null || x.r.RatePercent is not null)
            .Select(x => new StarRate(x.Stars, x.r.MaxAmountVnd, x.r.RatePercent)).ToList();
        if (Input.ValidFrom is DateOnly from)
        {
            foreach (var problem in new SupportPolicyTerms(0, Input.Name, from, Input.ValidTo, rates).Problems())
            {
                ModelState.AddModelError(problem.StartsWith("Ngày", StringComparison.Ordinal) ? "Input.ValidTo" : "Input.Rates", problem);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        policy ??= db.SupportPolicies.Add(new SupportPolicy { Name = "", LegalBasis = "" }).Entity;
        policy.Name = Input.Name.Trim();
        policy.LegalBasis = Input.LegalBasis.Trim();
        policy.Kind = Input.Kind!.Value;
        policy.Source = Input.Source;
        policy.ValidFrom = Input.ValidFrom!.Value;
        policy.ValidTo = Input.ValidTo;
        policy.Description = SectionForms.Trim(Input.Description);
        policy.IsArchived = Id is not null && Input.IsArchived;
        policy.Rates.RemoveAll(r => !rates.Any(x => x.Stars == r.Stars));
        foreach (var rate in rates)
        {
            var row = policy.Rates.FirstOrDefault(r => r.Stars == rate.Stars);
            if (row is null)
            {
                policy.Rates.Add(new SupportPolicyRate { Stars = rate.Stars, MaxAmountVnd = rate.MaxAmountVnd, RatePercent = rate.RatePercent });
            }
            else
            {
                (row.MaxAmountVnd, row.RatePercent) = (rate.MaxAmountVnd, rate.RatePercent);
            }
        }

        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Đã lưu chính sách hỗ trợ.";
        return RedirectToPage("/Support/Policies");
    }
}
