import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';

type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'class' | 'className'> & {
  variant?: 'primary' | 'secondary';
  /** Smaller padding, for buttons inside lists and rows. */
  size?: 'normal' | 'small';
  children: ComponentChildren;
};

export function Button({ variant = 'primary', size = 'normal', type = 'button', children, ...rest }: ButtonProps) {
  return (
    <button {...rest} type={type} class={`button button--${variant}${size === 'small' ? ' button--small' : ''}`}>
      {children}
    </button>
  );
}
