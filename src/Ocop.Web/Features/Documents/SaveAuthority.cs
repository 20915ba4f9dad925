using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Text;
using Ocop.Core.Units;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Documents;

/// <summary>
/// Adds or corrects an issuing authority: the one write path of the authority form and of any other caller. Refused
/// with a message: a unit kind written twice ("UBND HUYỆN HUYỆN"), a period outside its unit's life (a district's
/// committee after 30/06/2025), a period overlapping another authority of the same unit, and a letterhead naming a
/// unit that no longer existed on the authority's last day.
/// </summary>
public sealed class SaveAuthority(OcopDbContext db, TimeProvider clock)
{
    /// <summary>The national choice of the unit list (no unit).</summary>
    public const string National = "national";

    public const string StaleMessage = "Cơ quan ban hành vừa được người khác thay đổi. Tải lại trang rồi sửa lại.";

    public sealed class Command
    {
        /// <summary>The authority changed; null for a new one. Set by the caller from the route, never from the body.</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever, System.Text.Json.Serialization.JsonIgnore]
        public int? Id { get; set; }
        /// <summary>A unit id, or <see cref="National"/>; fixed once the authority exists.</summary>
        public string? Unit { get; set; }
        [Required(ErrorMessage = "Nhập tên đầy đủ."), StringLength(250, ErrorMessage = "Tối đa 250 ký tự.")] public string Name { get; set; } = "";
        [Required(ErrorMessage = "Nhập tên viết tắt."), StringLength(120, ErrorMessage = "Tối đa 120 ký tự.")] public string ShortName { get; set; } = "";
        [StringLength(250, ErrorMessage = "Tối đa 250 ký tự.")] public string? ParentLine { get; set; }
        [Required(ErrorMessage = "Nhập tiêu đề."), StringLength(250, ErrorMessage = "Tối đa 250 ký tự.")] public string Letterhead { get; set; } = "";
        [Required(ErrorMessage = "Nhập địa danh."), StringLength(120, ErrorMessage = "Tối đa 120 ký tự.")] public string Place { get; set; } = "";
        [StringLength(120, ErrorMessage = "Tối đa 120 ký tự.")] public string? OnBehalfOf { get; set; }
        [Required(ErrorMessage = "Nhập chức danh người đứng đầu."), StringLength(60, ErrorMessage = "Tối đa 60 ký tự.")] public string HeadTitle { get; set; } = "";
        [Required(ErrorMessage = "Nhập ngày bắt đầu.")] public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidTo { get; set; }
        [StringLength(500, ErrorMessage = "Tối đa 500 ký tự.")] public string? Note { get; set; }
        /// <summary>The version the change was made from (a change only).</summary>
        public int Version { get; set; }
    }

    public sealed record Saved(int Id, string ShortName, int Version, bool Created);

    public async Task<WriteResult<Saved>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        if (!RegistryAccess.CanEditReferenceData(scope.Role))
        {
            return WriteResult.Refused<Saved>("Bạn không được sửa cơ quan ban hành.");
        }

        var authority = command.Id is int id ? await db.IssuingAuthorities.SingleOrDefaultAsync(a => a.Id == id, ct) : null;
        if (command.Id is not null && authority is null)
        {
            return WriteResult.NotFound<Saved>("Không tìm thấy cơ quan ban hành.");
        }

        if (authority is not null && authority.Version != command.Version)
        {
            return WriteResult.Stale<Saved>(StaleMessage);
        }

        var errors = FieldErrorList.Annotations(command);
        int? unitId;
        if (authority is not null)
        {
            unitId = authority.UnitId;
        }
        else if (command.Unit == National)
        {
            unitId = null;
        }
        else if (int.TryParse(command.Unit, NumberStyles.None, CultureInfo.InvariantCulture, out var chosen) && await db.Units.AnyAsync(u => u.Id == chosen, ct))
        {
            unitId = chosen;
        }
        else
        {
            errors.Add(nameof(Command.Unit), "Chọn đơn vị hành chính (hoặc cấp trung ương).");
            unitId = null;
        }

        if (!errors.Any)
        {
            await CheckRulesAsync(command, unitId, errors, ct);
        }

        if (errors.Any)
        {
            return WriteResult.Invalid<Saved>(errors);
        }

        var isNew = authority is null;
        authority ??= db.IssuingAuthorities.Add(new IssuingAuthority { UnitId = unitId, Name = "", ShortName = "", Letterhead = "", Place = "", HeadTitle = "" }).Entity;
        authority.Name = command.Name.Trim();
        authority.ShortName = command.ShortName.Trim();
        authority.ParentLine = Blank(command.ParentLine);
        authority.Letterhead = command.Letterhead.Trim().Replace("\r\n", "\n", StringComparison.Ordinal);
        authority.Place = command.Place.Trim();
        authority.OnBehalfOf = Blank(command.OnBehalfOf);
        authority.HeadTitle = command.HeadTitle.Trim();
        authority.ValidFrom = command.ValidFrom!.Value;
        authority.ValidTo = command.ValidTo;
        authority.Note = Blank(command.Note);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent change, or another authority of the unit starting the same day (unique unit and start date).
            return WriteResult.Stale<Saved>("Cơ quan vừa được người khác thay đổi hoặc một cơ quan khác của đơn vị bắt đầu cùng ngày. Tải lại trang rồi thử lại.");
        }

        return WriteResult.Done(new Saved(authority.Id, authority.ShortName, authority.Version, isNew));
    }

    /// <summary>The unit as an authority's period and names are checked against it (and as a new authority is derived from it).</summary>
    public static Task<UnitRow?> UnitRowAsync(OcopDbContext db, int id, CancellationToken ct) =>
        db.Units.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new UnitRow(u.Id, u.Code, u.Name, u.Kind, u.Level, u.ParentId, u.ValidFrom, u.ValidTo, u.SuccessorId))
            .SingleOrDefaultAsync(ct);

    private async Task CheckRulesAsync(Command command, int? unitId, FieldErrorList errors, CancellationToken ct)
    {
        foreach (var (field, value) in new[]
                 {
                     (nameof(Command.Name), command.Name), (nameof(Command.ShortName), command.ShortName),
                     (nameof(Command.Letterhead), command.Letterhead), (nameof(Command.ParentLine), command.ParentLine ?? ""),
                 })
        {
            if (UnitNames.HasDoubledKind(value))
            {
                errors.Add(field, $"Loại đơn vị bị viết hai lần; viết một lần: \"{UnitNames.WithoutDoubledKind(value)}\".");
            }
        }

        var from = command.ValidFrom!.Value;
        if (command.ValidTo is DateOnly to && to < from)
        {
            errors.Add(nameof(Command.ValidTo), "Ngày kết thúc phải từ ngày bắt đầu trở đi.");
            return;
        }

        if (unitId is int id && await UnitRowAsync(db, id, ct) is { } unit)
        {
            if (from < unit.ValidFrom)
            {
                errors.Add(nameof(Command.ValidFrom), $"{unit.FullName} có từ ngày {Display.Date(unit.ValidFrom)}: cơ quan của đơn vị không thể bắt đầu trước ngày đó.");
            }

            if (unit.ValidTo is DateOnly last && (command.ValidTo is null || command.ValidTo > last))
            {
                errors.Add(nameof(Command.ValidTo),
                    $"{unit.FullName} chấm dứt sau ngày {Display.Date(last)}: cơ quan của đơn vị không thể ban hành sau ngày đó (văn bản sau ngày đó do đơn vị kế thừa ban hành). Nhập ngày kết thúc đến {Display.Date(last)}.");
            }
        }

        var others = await db.IssuingAuthorities.AsNoTracking().Where(a => a.UnitId == unitId && a.Id != (command.Id ?? 0)).ToListAsync(ct);
        var overlap = others.FirstOrDefault(a => a.ValidFrom <= (command.ValidTo ?? DateOnly.MaxValue) && from <= (a.ValidTo ?? DateOnly.MaxValue));
        if (overlap is not null)
        {
            errors.Add(nameof(Command.ValidFrom),
                $"Trùng thời gian với {overlap.ShortName} (từ {Display.Date(overlap.ValidFrom)}{(overlap.ValidTo is null ? "" : " đến " + Display.Date(overlap.ValidTo))}): sửa ngày của một trong hai.");
        }

        // A letterhead or name may only name units that still exist on the authority's last day.
        var today = Display.Today(clock);
        var lastDay = command.ValidTo ?? (today > from ? today : from);
        var units = await db.Units.AsNoTracking().Where(u => u.Level != UnitLevel.Commune)
            .Select(u => new { u.Name, u.Kind, u.ValidFrom, u.ValidTo }).ToListAsync(ct);
        var byName = units.GroupBy(u => Words(UnitNames.Full(u.Name, u.Kind))).ToList();
        foreach (var (field, value) in new[] { (nameof(Command.Letterhead), command.Letterhead), (nameof(Command.Name), command.Name), (nameof(Command.ShortName), command.ShortName) })
        {
            var words = " " + Words(value) + " ";
            var gone = byName.FirstOrDefault(g => words.Contains(" " + g.Key + " ", StringComparison.Ordinal)
                && !g.Any(u => u.ValidFrom <= lastDay && (u.ValidTo is null || u.ValidTo >= lastDay)));
            if (gone is not null)
            {
                var ceased = gone.OrderByDescending(u => u.ValidTo).First();
                errors.Add(field,
                    $"Nêu {UnitNames.Full(ceased.Name, ceased.Kind)}, đơn vị đã chấm dứt sau ngày {Display.Date(ceased.ValidTo)}; cơ quan có hiệu lực đến {Display.Date(lastDay)} không thể mang tên đó.");
            }
        }
    }

    /// <summary>Folded words only: "UBND TỈNH TRÀ VINH" → "ubnd tinh tra vinh".</summary>
    private static string Words(string text) =>
        string.Join(' ', VietnameseText.Fold(new string(text.Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray()))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
