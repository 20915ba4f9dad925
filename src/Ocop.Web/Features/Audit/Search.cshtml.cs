using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Audit;

/// <summary>The whole audit trail, searched by who acted, when (Vietnam dates) and which kind of record: administrators only.</summary>
[Authorize(Policy = Policies.ManageUsers)]
public sealed class SearchModel(OcopDbContext db) : PageModel
{
    public const int PageSize = 50;

    [FromQuery(Name = "user")] public string? UserName { get; set; }
    [FromQuery(Name = "type")] public string? RecordType { get; set; }
    [FromQuery(Name = "from")] public DateOnly? From { get; set; }
    [FromQuery(Name = "to")] public DateOnly? To { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public List<AuditEntry> Entries { get; private set; } = [];
    public int Total { get; private set; }
    public Pager? Pager { get; private set; }
    public string? Problem { get; private set; }

    public IReadOnlyDictionary<string, string> RecordTypes => HistoryModel.RecordTypes;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || PageNumber < 1 || PageNumber > 100_000 || (RecordType is not null && RecordType.Length > 0 && !RecordTypes.ContainsKey(RecordType)))
        {
            Problem = "Điều kiện tìm kiếm không hợp lệ.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (From > To)
        {
            Problem = "Ngày bắt đầu phải trước ngày kết thúc.";
            return Page();
        }

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(UserName))
        {
            var name = UserName.Trim();
            query = query.Where(a => a.UserName == name);
        }

        if (!string.IsNullOrEmpty(RecordType))
        {
            query = query.Where(a => a.EntityType == RecordType);
        }

        // Dates are Vietnam's (UTC+7): a day runs from 17:00 UTC the day before.
        if (From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7);
            query = query.Where(a => a.At >= start);
        }

        if (To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7);
            query = query.Where(a => a.At < end);
        }

        (Entries, Total, Pager) = await Paging.OfAsync(Request, query.OrderByDescending(a => a.Id), PageNumber, PageSize, ct);
        return Page();
    }

    public string TypeName(string type) => RecordTypes.GetValueOrDefault(type, type);
}
