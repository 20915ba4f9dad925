using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Support;

/// <summary>A row of a register: its id, what the user may do with it, and the name its link shows.</summary>
public interface IRegisterRow
{
    int Id { get; }
    RecordAccess Access { get; }
}

/// <summary>One column of a register's list and of its XLSX export: the header and the cell (a number or date stays typed in the file).</summary>
public sealed record RegisterColumn<TRow>(string Header, Func<TRow, object?> Value);

/// <summary>
/// What a register's list needs: who loads its rows (already narrowed to what the user may read), its columns, its pages
/// (page names such as "/Promotion/Listings": links are made from them, so a renamed page fails the list's tests, not a user).
/// </summary>
public sealed record RegisterDefinition<TRow>(
    SectionRegister Kind,
    string Title,
    string Sheet,
    string ListPage,
    string EditPage,
    string AuditType,
    IReadOnlyList<RegisterColumn<TRow>> Columns,
    Func<SectionContext, RegisterFilter, CancellationToken, Task<List<TRow>>> Load) where TRow : IRegisterRow;

/// <param name="Communes">The communes of the chosen unit; null for every unit the user reaches.</param>
public sealed record RegisterFilter(IReadOnlySet<int>? Communes, bool Archived);

/// <summary>A register's page of rows as the shared list view shows it.</summary>
public sealed record RegisterTable(
    string Title, string? CreateUrl, string ExportUrl, IReadOnlyList<string> Headers, IReadOnlyList<RegisterTableRow> Rows, int Total,
    Pager Pager, List<SelectListItem> Units, bool Archived, IReadOnlyList<(string Label, string Url)> Related);

public sealed record RegisterTableRow(IReadOnlyList<string> Cells, string? EditUrl, string HistoryUrl);

/// <summary>Cells as the page shows them: vi-VN numbers and dates, names of enums, "—" for nothing.</summary>
public static class RegisterCells
{
    public static string Text(object? value) => value switch
    {
        null => "—",
        string s when s.Length == 0 => "—",
        string s => s,
        DateOnly d => Display.Date(d),
        long n => Display.Number(n),
        int n => Display.Number(n),
        decimal d => d.ToString("#,##0.######", Display.Vi),
        bool b => Display.YesNo(b),
        Enum e => EnumName(e),
        _ => Convert.ToString(value, Display.Vi) ?? "—",
    };

    /// <summary>A cell for the XLSX file: numbers and dates stay typed; enums are written as people read them.</summary>
    public static object? Excel(object? value) => value switch
    {
        DateOnly d => d,
        Enum e => EnumName(e),
        bool b => Display.YesNo(b),
        _ => value,
    };

    private static string EnumName(Enum value)
    {
        var member = value.GetType().GetField(value.ToString(), System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static);
        if (member is not null)
        {
            return member.GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.DisplayAttribute), false)
                .OfType<System.ComponentModel.DataAnnotations.DisplayAttribute>().FirstOrDefault()?.Name ?? value.ToString();
        }

        // A flags value: each flag's name.
        var names = Enum.GetValues(value.GetType()).Cast<Enum>()
            .Where(f => Convert.ToInt64(f, CultureInfo.InvariantCulture) != 0 && value.HasFlag(f)).Select(EnumName).ToList();
        return names.Count == 0 ? "—" : string.Join(", ", names);
    }
}

/// <summary>
/// The list page every register shares: the user's rows in the chosen unit (archived ones on request), paged, with links to
/// edit and to the record's history, and the same rows as an XLSX file (<c>?handler=Export</c>).
/// </summary>
public abstract class RegisterListPage<TRow>(SectionContext section) : PageModel where TRow : IRegisterRow
{
    public const int PageSize = 50;

    [FromQuery(Name = "unit")] public int? UnitId { get; set; }
    [FromQuery(Name = "archived")] public bool Archived { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public RegisterTable View { get; private set; } = null!;

    protected abstract RegisterDefinition<TRow> Definition { get; }

    /// <summary>Other pages of the same area (page names), linked above the list.</summary>
    protected virtual IReadOnlyList<(string Label, string Page)> Related => [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (refused, rows) = await LoadAsync(ct);
        if (refused is not null)
        {
            return refused;
        }

        var scope = await section.ScopeAsync(ct);
        var definition = Definition;
        var page = Math.Clamp(PageNumber, 1, Math.Max(1, (int)Math.Ceiling(rows.Count / (double)PageSize)));
        var shown = rows.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new RegisterTableRow(
                definition.Columns.Select(c => RegisterCells.Text(c.Value(r))).ToList(),
                r.Access == RecordAccess.Edit ? SectionLinks.Page(Url, definition.EditPage, new { id = r.Id }) : null,
                SectionLinks.History(Url, definition.AuditType, r.Id)))
            .ToList();
        View = new RegisterTable(definition.Title, SupportAccess.CanAdd(definition.Kind, scope.Role) ? SectionLinks.Page(Url, definition.EditPage) : null,
            Pager.With(Request, "handler", "Export"), definition.Columns.Select(c => c.Header).ToList(), shown, rows.Count,
            new Pager(Request, page, PageSize, rows.Count), await section.UnitOptionsAsync(UnitId, withAll: true, ct), Archived,
            Related.Select(r => (r.Label, SectionLinks.Page(Url, r.Page))).ToList());
        ViewData["Title"] = definition.Title;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var (refused, rows) = await LoadAsync(ct);
        if (refused is not null)
        {
            return refused;
        }

        var definition = Definition;
        // The sheet is named by the register's Vietnamese title; numbers and dates stay typed (RegisterCells.Excel).
        // Amounts (long, decimal) are grouped by thousands; whole numbers (years, counts) are shown as written.
        var columns = definition.Columns.Select(c => new XlsxColumn(c.Header, Math.Clamp(c.Header.Length + 4, 12, 40),
            rows.Select(r => c.Value(r)).FirstOrDefault(v => v is not null) switch
            {
                long or decimal => XlsxKind.Grouped,
                DateOnly => XlsxKind.Date,
                _ => XlsxKind.Text,
            })).ToList();
        var stream = XlsxExport.Write(new XlsxSheet(definition.Title, columns,
            rows.Select(r => (IReadOnlyList<object?>)definition.Columns.Select(c => RegisterCells.Excel(c.Value(r))).ToList())));
        return File(stream, XlsxExport.ContentType, definition.Sheet.Replace(' ', '-').ToLowerInvariant() + ".xlsx");
    }

    private async Task<(IActionResult? Refused, List<TRow> Rows)> LoadAsync(CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        if (!SupportAccess.CanList(Definition.Kind, scope.Role))
        {
            return (Forbid(), []);
        }

        if (UnitId is int unit && unit != 0 && !scope.Units.ById.ContainsKey(unit))
        {
            return (NotFound(), []);
        }

        var communes = await section.CommunesOfUnitAsync(UnitId, ct);
        return (null, await Definition.Load(section, new RegisterFilter(communes, Archived), ct));
    }
}

/// <summary>Links of section III made from page names: a page that is no longer there fails loudly, never as a dead link.</summary>
public static class SectionLinks
{
    /// <summary>The address of a page (with its route values).</summary>
    public static string Page(IUrlHelper url, string page, object? values = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Page(page, values) ?? throw new InvalidOperationException($"No page {page}.");
    }

    /// <summary>A record's history page.</summary>
    public static string History(IUrlHelper url, string auditType, int id) => Page(url, "/Audit/History", new { type = auditType, id });

    /// <summary>
    /// The address of a page without route parameters, for code that has no URL helper (the history page's way back): its
    /// name, its folder's for an Index page, as Razor Pages routes it. <c>SectionLinksTests</c> checks every name given here.
    /// </summary>
    public static string PathOf(string page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.EndsWith("/Index", StringComparison.Ordinal) ? page[..^"/Index".Length] : page;
    }
}
