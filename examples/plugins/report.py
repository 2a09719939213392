# A plugin for the example host (Sources/PluginHost): `weather` and `journal` come from Swift.
import asyncio
import weather


async def report(cities):
    results = await asyncio.gather(*(weather.forecast(c) for c in cities))
    for r in results:
        journal.log(f"{r['city']}: {r['celsius']} {weather.UNITS}")
    print(f"{journal.count} cities logged")
    return max(results, key=lambda r: r['celsius'])['city']
