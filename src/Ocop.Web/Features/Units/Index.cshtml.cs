using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Text;
using Ocop.Core.Units;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Units;

/// <summary>The unit hierarchy, optionally as it stood on a given date.</summary>
public sealed class IndexModel(OcopDbContext db) : PageModel
{
    [FromQuery(Name = "at")] public DateOnly? At { get; set; }
    [FromQuery(Name = "q")] public string? Q { get; set; }

    public List<Row> Rows { get; private set; } = [];

    public sealed record Row(string Code, string Name, UnitLevel Level, string? ParentName, DateOnly ValidFrom, DateOnly? ValidTo, string? SuccessorName, string? SuccessorCode);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await db.Units.AsNoTracking()
            .OrderBy(u => u.Level).ThenBy(u => u.Parent!.Code).ThenBy(u => u.Code).ThenBy(u => u.ValidFrom)
            .Select(u => new
            {
                Row = new Row(u.Code, u.Name, u.Level, u.Parent!.Name, u.ValidFrom, u.ValidTo, u.Successor!.Name, u.Successor.Code),
                Validity = new UnitValidity(u.ValidFrom, u.ValidTo),
            })
            .ToListAsync(ct);
        var folded = VietnameseText.Fold(Q);
        Rows = all
            .Where(u => At is null || u.Validity.IsValidOn(At.Value))
            .Where(u => folded.Length == 0 || VietnameseText.Fold(u.Row.Name).Contains(folded, StringComparison.Ordinal) || u.Row.Code.StartsWith(folded, StringComparison.Ordinal))
            .Select(u => u.Row)
            .ToList();
    }
}
