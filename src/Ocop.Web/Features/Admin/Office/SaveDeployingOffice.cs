using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Units;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Admin.Office;

/// <summary>
/// Names the office that runs this installation, its own province and the provinces it serves (one, several, or the
/// whole country), which lists, pickers and dashboards open on. Administrators only. The office and its served provinces
/// are written in one save; the unit directory's version moves with it, so scopes and lists read the new reach.
/// </summary>
public sealed class SaveDeployingOffice(OcopDbContext db, UnitDirectory directory, TimeProvider clock)
{
    public const string StaleMessage = "Người khác vừa sửa văn phòng triển khai. Tải lại trang để xem bản mới nhất.";

    public sealed class Command
    {
        [Required(ErrorMessage = "Nhập tên văn phòng."), StringLength(250, ErrorMessage = "Tên tối đa 250 ký tự.")]
        public string Name { get; set; } = "";
        [Required(ErrorMessage = "Nhập tên ngắn."), StringLength(60, ErrorMessage = "Tên ngắn tối đa 60 ký tự.")]
        public string ShortName { get; set; } = "";
        [Required(ErrorMessage = "Chọn tỉnh, thành phố của văn phòng.")] public int? UnitId { get; set; }
        public bool ServesWholeCountry { get; set; }
        public List<int> ServedIds { get; set; } = [];
        /// <summary>The version the change was made from (ignored until the office is first recorded).</summary>
        public int Version { get; set; }
    }

    public sealed record Saved(int Id, int Version);

    public async Task<WriteResult<Saved>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        if (!RegistryAccess.CanManageUsers(scope.Role))
        {
            return WriteResult.Refused<Saved>("Chỉ quản trị viên được sửa văn phòng triển khai.");
        }

        var errors = FieldErrorList.Annotations(command);
        var units = await directory.GetAsync(db, ct);
        var today = Display.Today(clock);
        bool IsProvinceOfToday(int id) => units.ById.TryGetValue(id, out var u) && u.Level == UnitLevel.Province && u.Validity.IsValidOn(today);
        if (command.UnitId is int unit && !IsProvinceOfToday(unit))
        {
            errors.Add(nameof(Command.UnitId), "Chọn một tỉnh, thành phố hiện nay.");
        }

        command.ServedIds = (command.ServedIds ?? []).Distinct().ToList();
        if (command.ServedIds.Any(id => !IsProvinceOfToday(id)))
        {
            errors.Add(nameof(Command.ServedIds), "Chỉ chọn các tỉnh, thành phố hiện nay.");
        }

        if (errors.Any)
        {
            return WriteResult.Invalid<Saved>(errors);
        }

        var office = await db.DeployingOffices.Include(o => o.Served).FirstOrDefaultAsync(ct);
        if (office is null)
        {
            office = new DeployingOffice { Name = "", ShortName = "" };
            db.DeployingOffices.Add(office);
        }
        else if (office.Version != command.Version)
        {
            return WriteResult.Stale<Saved>(StaleMessage);
        }

        office.Name = command.Name.Trim();
        office.ShortName = command.ShortName.Trim();
        office.UnitId = command.UnitId;
        office.ServesWholeCountry = command.ServesWholeCountry;
        // The office's own province is always among those it serves.
        var served = command.ServesWholeCountry ? [] : command.ServedIds.Append(command.UnitId!.Value).Distinct().ToList();
        office.Served.RemoveAll(s => !served.Contains(s.UnitId));
        office.Served.AddRange(served.Where(id => office.Served.All(s => s.UnitId != id)).Select(id => new DeployingOfficeUnit { UnitId = id }));
        try
        {
            // One save: the office row and its served provinces are written in one transaction.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WriteResult.Stale<Saved>(StaleMessage);
        }

        return WriteResult.Done(new Saved(office.Id, office.Version));
    }
}
