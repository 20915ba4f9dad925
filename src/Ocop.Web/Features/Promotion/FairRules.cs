using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Promotion;

/// <summary>A trade fair or exhibition with the products that took part and what each sold; archived, never deleted.</summary>
public sealed class FairRules : RegisterRules<TradeFair, FairRules.FairInput>
{
    private const SectionRegister Register = SectionRegister.TradeFairs;

    public sealed class FairInput : IVersionedInput
    {
        [Required(ErrorMessage = "Nhập tên hội chợ, triển lãm."), StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")] public string Name { get; set; } = "";
        [Required(ErrorMessage = "Nhập địa điểm."), StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")] public string Place { get; set; } = "";
        [Required(ErrorMessage = "Nhập ngày bắt đầu.")] public DateOnly? StartsOn { get; set; }
        [Required(ErrorMessage = "Nhập ngày kết thúc.")] public DateOnly? EndsOn { get; set; }
        [Required(ErrorMessage = "Nhập đơn vị tổ chức."), StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")] public string Organiser { get; set; } = "";
        [Required(ErrorMessage = "Chọn đơn vị tham gia.")] public int? UnitId { get; set; }
        public int? OfficeId { get; set; }
        public List<EntryInput> Entries { get; set; } = [];
        public bool IsArchived { get; set; }
        public int Version { get; set; }
    }

    public sealed class EntryInput
    {
        public int? ProductId { get; set; }
        [Range(0, long.MaxValue, ErrorMessage = "Doanh số không âm.")] public long? SalesVnd { get; set; }
    }

    public override bool MayWrite(SectionScope scope) => SupportAccess.CanAdd(Register, scope.Role);

    public override Task<TradeFair?> FindAsync(OcopDbContext db, int id, CancellationToken ct) =>
        db.TradeFairs.Include(f => f.Entries).SingleOrDefaultAsync(f => f.Id == id, ct);

    public override RecordAccess AccessTo(SectionScope scope, TradeFair entity) => scope.AccessToUnit(Register, entity.UnitId);

    public override FairInput ToInput(TradeFair fair) => new()
    {
        Name = fair.Name,
        Place = fair.Place,
        StartsOn = fair.StartsOn,
        EndsOn = fair.EndsOn,
        Organiser = fair.Organiser,
        UnitId = fair.UnitId,
        OfficeId = fair.OfficeId,
        IsArchived = fair.IsArchived,
        Version = fair.Version,
        Entries = fair.Entries.OrderBy(e => e.Id).Select(e => new EntryInput { ProductId = e.ProductId, SalesVnd = e.SalesVnd }).ToList(),
    };

    public override async Task ValidateAsync(RegisterCheck check, FairInput input, TradeFair? existing, CancellationToken ct)
    {
        var scope = check.Scope;
        if (input.UnitId is int unit && (!scope.Units.ById.ContainsKey(unit) || !scope.UnitInReach(unit)))
        {
            check.Add("UnitId", "Bạn không phụ trách đơn vị này.");
        }

        if (input.OfficeId is int office && await check.OfficeProblemAsync(office, ct) is string officeProblem)
        {
            check.Add("OfficeId", officeProblem);
        }

        if (input.StartsOn is DateOnly s && input.EndsOn is DateOnly e && e < s)
        {
            check.Add("EndsOn", "Ngày kết thúc không được trước ngày bắt đầu.");
        }

        for (var i = 0; i < input.Entries.Count; i++)
        {
            var entry = input.Entries[i];
            SectionForms.Row(check.Errors, $"Entries[{i}].", entry);
            if (entry.ProductId is int product && await check.ProductAsync(product, ct) is null)
            {
                check.Add($"Entries[{i}].ProductId", "Sản phẩm không có hoặc bạn không phụ trách.");
            }
            else if (entry.ProductId is null && entry.SalesVnd is not null)
            {
                check.Add($"Entries[{i}].ProductId", "Chọn sản phẩm của doanh số này.");
            }
        }

        if (input.Entries.Where(x => x.ProductId is not null).GroupBy(x => x.ProductId).Any(g => g.Count() > 1))
        {
            check.Add("Entries", "Mỗi sản phẩm chỉ ghi một lần cho một hội chợ.");
        }
    }

    public override TradeFair Add(OcopDbContext db) => db.TradeFairs.Add(new TradeFair { Name = "", Place = "", Organiser = "" }).Entity;

    public override void Apply(SectionScope scope, TradeFair fair, FairInput input, bool isNew)
    {
        fair.Name = input.Name.Trim();
        fair.Place = input.Place.Trim();
        fair.StartsOn = input.StartsOn!.Value;
        fair.EndsOn = input.EndsOn!.Value;
        fair.Organiser = input.Organiser.Trim();
        fair.UnitId = input.UnitId!.Value;
        fair.OfficeId = input.OfficeId;
        fair.IsArchived = !isNew && input.IsArchived;
        var wanted = input.Entries.Where(x => x.ProductId is not null).ToDictionary(x => x.ProductId!.Value, x => x.SalesVnd);
        fair.Entries.RemoveAll(x => !wanted.ContainsKey(x.ProductId));
        foreach (var (product, sales) in wanted)
        {
            var existing = fair.Entries.FirstOrDefault(x => x.ProductId == product);
            if (existing is null)
            {
                fair.Entries.Add(new TradeFairEntry { ProductId = product, SalesVnd = sales });
            }
            else
            {
                existing.SalesVnd = sales;
            }
        }
    }
}
