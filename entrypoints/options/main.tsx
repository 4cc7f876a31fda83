import { render } from 'preact';
import { App } from './App.tsx';
import '../../lib/ui/theme.css';
import '../../lib/ui/theme-pages.css';
import './style.css';

// biome-ignore lint/style/noNonNullAssertion: index.html always has #app
render(<App />, document.getElementById('app')!);
