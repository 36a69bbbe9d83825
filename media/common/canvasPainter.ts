// The Painter of src/shared/figurePainter.ts on a 2-D canvas: the panel draws matplotlib figures with the
// same code that rasterises savefig's PNG files. Pure black (matplotlib's default text and 'k') is drawn in
// the theme's foreground, so that it stays visible on a dark theme.
import type { PathStyle, Painter, TextStyle } from '../../src/shared/figurePainter';

export class CanvasPainter implements Painter {
  constructor(
    private readonly ctx: CanvasRenderingContext2D,
    readonly resolution: number,
    private readonly family: string,
    private readonly foreground: string,
  ) {}

  private color(c: string): string {
    return c === '#000000' ? this.foreground : c;
  }

  fillRect(x: number, y: number, w: number, h: number, color: string, alpha = 1): void {
    this.ctx.globalAlpha = alpha;
    this.ctx.fillStyle = this.color(color);
    this.ctx.fillRect(x, y, w, h);
    this.ctx.globalAlpha = 1;
  }

  path(xs: ArrayLike<number>, ys: ArrayLike<number>, style: PathStyle): void {
    const { ctx } = this;
    if (xs.length === 0) return;
    ctx.beginPath();
    ctx.moveTo(xs[0], ys[0]);
    for (let i = 1; i < xs.length; i++) ctx.lineTo(xs[i], ys[i]);
    if (style.close) ctx.closePath();
    ctx.globalAlpha = style.alpha ?? 1;
    if (style.fill) {
      ctx.fillStyle = this.color(style.fill);
      ctx.fill();
    }
    if (style.stroke) {
      ctx.strokeStyle = this.color(style.stroke);
      ctx.lineWidth = style.width ?? 1;
      ctx.lineJoin = 'round';
      ctx.setLineDash(style.dash ?? []);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.globalAlpha = 1;
  }

  private font(size: number, bold?: boolean): string {
    return `${bold ? 'bold ' : ''}${size}px ${this.family}`;
  }

  text(s: string, x: number, y: number, style: TextStyle): void {
    const { ctx } = this;
    ctx.save();
    ctx.font = this.font(style.size, style.bold);
    ctx.fillStyle = this.color(style.color);
    ctx.globalAlpha = style.alpha ?? 1;
    ctx.textAlign = style.align;
    ctx.textBaseline = style.baseline;
    ctx.translate(x, y);
    if (style.rotate) ctx.rotate(-Math.PI / 2);
    ctx.fillText(s, 0, 0);
    ctx.restore();
  }

  measureText(s: string, size: number, bold?: boolean): number {
    this.ctx.font = this.font(size, bold);
    return this.ctx.measureText(s).width;
  }

  image(
    rgba: Uint8Array | Uint8ClampedArray,
    w: number,
    h: number,
    x: number,
    y: number,
    dw: number,
    dh: number,
    smooth: boolean,
  ): void {
    const source = document.createElement('canvas');
    source.width = w;
    source.height = h;
    source.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(rgba), w, h), 0, 0);
    this.ctx.imageSmoothingEnabled = smooth;
    this.ctx.drawImage(source, x, y, dw, dh);
    this.ctx.imageSmoothingEnabled = true;
  }

  clip(x: number, y: number, w: number, h: number): void {
    this.ctx.save();
    this.ctx.beginPath();
    this.ctx.rect(x, y, w, h);
    this.ctx.clip();
  }

  unclip(): void {
    this.ctx.restore();
  }
}
