import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Filler,
	Legend,
	LineController,
	LineElement,
	LinearScale,
	PointElement,
	RadarController,
	RadialLinearScale,
	Tooltip,
	type ChartConfiguration
} from 'chart.js';

// Only the pieces the app's charts use, so the bundle leaves out the other controllers, elements and scales.
Chart.register(
	RadarController,
	RadialLinearScale,
	PointElement,
	LineController,
	LineElement,
	Filler,
	BarController,
	BarElement,
	CategoryScale,
	LinearScale,
	Tooltip,
	Legend
);

/** Draws a chart on a canvas; ChartCanvas.svelte loads this module only when a chart comes near the screen. */
export function drawChart(canvas: HTMLCanvasElement, config: ChartConfiguration): Chart {
	return new Chart(canvas, config);
}
