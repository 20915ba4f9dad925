using System.Globalization;
using System.Text.Json;
using MiniExcelLibs;
using Ocop.Core.Units;
using Ocop.Web.Features.Import;

namespace Ocop.Bench.Generator;

/// <summary>
/// <c>import-file &lt;path&gt; &lt;rows&gt;</c>: a products list of the given size as an office would fill the import template
/// (bench/import.sh): ten products per subject, subjects new to the database, spread over the communes of today of the
/// province Vĩnh Long (86) by their codes, registered after the 2025 reform.
/// </summary>
public static class ImportFile
{
    public static int Write(string path, int rows)
    {
        using var registry = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "units-vietnam-2025.json")));
        var units = UnitRegistryFile.Read(registry);
        var province = units.Single(u => u.Level == UnitLevel.Province && u.Code == "86" && u.Validity.ValidTo is null);
        var communes = units.Where(u => u.Level == UnitLevel.Commune && u.Validity.ValidTo is null && u.ParentCode == province.Code).Select(u => u.Code).ToList();
        var groups = new[] { "I.3.b", "I.2.a", "I.1.a", "I.3.c", "II.2.b", "IV.1" };
        var sheet = Enumerable.Range(0, rows).Select(i => new Dictionary<string, object>
        {
            [ProductRows.Name] = $"Sản phẩm đánh giá {i:D5}",
            [ProductRows.Subject] = $"Hộ kinh doanh Đánh giá {i / 10:D4}",
            [ProductRows.Form] = "Hộ kinh doanh",
            [ProductRows.Representative] = "Người đại diện",
            [ProductRows.Address] = "Ấp 1",
            [ProductRows.RegisteredOn] = "01/08/2025",
            [ProductRows.Commune] = communes[(i / 10) % communes.Count],
            [ProductRows.Group] = groups[i % groups.Length],
            [ProductRows.Status] = "Đã đăng ký",
            [ProductRows.Gtin] = "",
            [ProductRows.Description] = string.Create(CultureInfo.InvariantCulture, $"Dòng {i + 2} của tệp thử."),
        }).ToList();
        using var file = File.Create(path);
        MiniExcel.SaveAs(file, sheet, sheetName: ImportSheet.DataSheet);
        Console.WriteLine($"{rows} rows, {rows / 10} subjects, {communes.Count} communes: {path}");
        return 0;
    }
}
