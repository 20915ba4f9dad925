using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Planning;

namespace Ocop.Web.Features.Support;

/// <summary>A support policy: legal basis, period, kind and what it gives per star level; refused terms write nothing.</summary>
public sealed class PolicyRules : RegisterRules<SupportPolicy, PolicyRules.PolicyInput>
{
    public sealed class PolicyInput : IVersionedInput
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

    public override bool MayWrite(SectionScope scope) => SupportAccess.CanEditPolicies(scope.Role);

    public override Task<SupportPolicy?> FindAsync(OcopDbContext db, int id, CancellationToken ct) =>
        db.SupportPolicies.Include(x => x.Rates).SingleOrDefaultAsync(x => x.Id == id, ct);

    /// <summary>Policies are the province's: whoever may write them may change any.</summary>
    public override RecordAccess AccessTo(SectionScope scope, SupportPolicy entity) => RecordAccess.Edit;

    public override PolicyInput ToInput(SupportPolicy p) => new()
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

    /// <summary>The rates typed, by star level (3, 4, 5); a level left blank gives nothing.</summary>
    private static List<StarRate> Rates(PolicyInput input) =>
        input.Rates.Take(3).Select((r, i) => (Stars: i + 3, r))
            .Where(x => x.r.MaxAmountVnd is not null || x.r.RatePercent is not null)
            .Select(x => new StarRate(x.Stars, x.r.MaxAmountVnd, x.r.RatePercent)).ToList();

    public override Task ValidateAsync(RegisterCheck check, PolicyInput input, SupportPolicy? existing, CancellationToken ct)
    {
        for (var i = 0; i < input.Rates.Count; i++)
        {
            SectionForms.Row(check.Errors, $"Rates[{i}].", input.Rates[i]);
        }

        if (input.ValidFrom is DateOnly from)
        {
            foreach (var problem in new SupportPolicyTerms(0, input.Name, from, input.ValidTo, Rates(input)).Problems())
            {
                check.Add(problem.StartsWith("Ngày", StringComparison.Ordinal) ? nameof(input.ValidTo) : nameof(input.Rates), problem);
            }
        }

        return Task.CompletedTask;
    }

    public override SupportPolicy Add(OcopDbContext db) => db.SupportPolicies.Add(new SupportPolicy { Name = "", LegalBasis = "" }).Entity;

    public override void Apply(SectionScope scope, SupportPolicy policy, PolicyInput input, bool isNew)
    {
        var rates = Rates(input);
        policy.Name = input.Name.Trim();
        policy.LegalBasis = input.LegalBasis.Trim();
        policy.Kind = input.Kind!.Value;
        policy.Source = input.Source;
        policy.ValidFrom = input.ValidFrom!.Value;
        policy.ValidTo = input.ValidTo;
        policy.Description = SectionForms.Trim(input.Description);
        policy.IsArchived = !isNew && input.IsArchived;
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
    }
}
