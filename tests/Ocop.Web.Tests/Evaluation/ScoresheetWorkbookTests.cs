using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Scoresheets;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Evaluation;

/// <summary>
/// Issue 17.6, the scoresheet workbook: its sheets are named in Vietnamese with their diacritics, as Excel allows sheet
/// names, and a workbook exported before (sheets named without diacritics) still imports to the same definition.
/// </summary>
public class ScoresheetWorkbookTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_workbooks_sheets_carry_vietnamese_names_that_excel_accepts()
    {
        var admin = await app.As(Demo.Admin);
        var id = await CorrectedSheetIdAsync();
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await ExportAsync(admin, id)), false);

        var names = SheetNames(workbook);
        Assert.Equal(["Phiếu chấm", "Thông tin", "Thiếu sót", "Đính chính"], names);
        Assert.All(names, name =>
        {
            Assert.InRange(name.Length, 1, 31);
            Assert.DoesNotMatch(@"[\[\]:*?/\\]", name);
            Assert.False(name.StartsWith('\'') || name.EndsWith('\''), name);
        });
    }

    [Fact]
    public async Task A_workbook_exported_with_the_former_diacritic_free_sheet_names_still_imports_unchanged()
    {
        var admin = await app.As(Demo.Admin);
        var id = await CorrectedSheetIdAsync();
        var bytes = await ExportAsync(admin, id);

        // The same workbook as exported before: "Phieu cham", "Thong tin", "Thieu sot", "Dinh chinh".
        using var old = new MemoryStream();
        old.Write(bytes);
        using (var workbook = SpreadsheetDocument.Open(old, true))
        {
            foreach (var sheet in workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>())
            {
                sheet.Name = ScoresheetXlsx.FormerSheetNames[sheet.Name!.Value!];
            }
        }

        using (var check = SpreadsheetDocument.Open(new MemoryStream(old.ToArray()), false))
        {
            Assert.Equal(["Phieu cham", "Thong tin", "Thieu sot", "Dinh chinh"], SheetNames(check));
        }

        var form = await admin.GetFormAsync("/Scoresheets/Import");
        using var imported = await admin.PostFileAsync(form, "file", "phieu-cham-cu.xlsx", old.ToArray(), ScoresheetXlsx.ContentType);
        Assert.True(imported.StatusCode == HttpStatusCode.Redirect,
            $"the former workbook answered {(int)imported.StatusCode}: {HttpClientExtensions.Shorten(Html.Text(await imported.Content.ReadAsStringAsync()))}");
        var copy = Html.IdFromLocation(imported, "/Scoresheets/Details/");

        var source = (await RecordAsync(id)).ToModel();
        var target = (await RecordAsync(copy)).ToModel();
        Assert.NotNull(target.Corrections);
        Assert.Equal(Comparable(source), Comparable(target));
    }

    /// <summary>A published sheet carrying corrections of the printed text, so that every one of the four sheets is written.</summary>
    private async Task<int> CorrectedSheetIdAsync()
    {
        var candidates = await app.QueryAsync(db => db.Scoresheets.AsNoTracking().OrderBy(s => s.Id).ToListAsync());
        return candidates.First(s => s.ToModel().Corrections is { Count: > 0 }).Id;
    }

    private static List<string> SheetNames(SpreadsheetDocument workbook) =>
        workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    private static string Comparable(Scoresheet sheet) =>
        LawJson.Write(sheet with { Version = 0, Status = ScoresheetStatus.Draft, Verified = false });

    private Task<ScoresheetRecord> RecordAsync(int id) => app.QueryAsync(db => db.Scoresheets.AsNoTracking().SingleAsync(s => s.Id == id));

    private static async Task<byte[]> ExportAsync(HttpClient client, int id)
    {
        using var response = await client.GetAsync($"/Scoresheets/Details/{id}?handler=Xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
